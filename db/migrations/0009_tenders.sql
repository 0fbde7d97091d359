CREATE TABLE "holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "holidays_kind" CHECK ("holidays"."kind" in ('libur_nasional', 'cuti_bersama'))
);
--> statement-breakpoint
CREATE TABLE "tender_schedule" (
	"tender_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"ord" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tender_schedule_tender_id_stage_pk" PRIMARY KEY("tender_id","stage"),
	CONSTRAINT "tender_schedule_interval" CHECK ("tender_schedule"."ends_at" > "tender_schedule"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "tender_schedule_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"old_starts_at" timestamp with time zone,
	"old_ends_at" timestamp with time zone,
	"new_starts_at" timestamp with time zone NOT NULL,
	"new_ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"bundle_id" text NOT NULL,
	"bundle_version" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"agency_id" uuid NOT NULL,
	"ukpbj_agency_id" uuid,
	"sulap_draft_tender_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "tenders_kode_unique" UNIQUE("kode"),
	CONSTRAINT "tenders_sulap_draft_tender_id_unique" UNIQUE("sulap_draft_tender_id"),
	CONSTRAINT "tenders_status" CHECK ("tenders"."status" in ('draft', 'berlangsung', 'selesai', 'gagal', 'batal'))
);
--> statement-breakpoint
ALTER TABLE "tender_schedule" ADD CONSTRAINT "tender_schedule_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_schedule_changes" ADD CONSTRAINT "tender_schedule_changes_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_ukpbj_agency_id_agencies_id_fk" FOREIGN KEY ("ukpbj_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_sulap_draft_tender_id_sulap_draft_tenders_id_fk" FOREIGN KEY ("sulap_draft_tender_id") REFERENCES "public"."sulap_draft_tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tender_schedule_changes_tender_idx" ON "tender_schedule_changes" USING btree ("tender_id","changed_at");--> statement-breakpoint
CREATE INDEX "tenders_agency_idx" ON "tenders" USING btree ("agency_id");
CREATE TABLE "outage_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"what" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outage_incidents_interval" CHECK ("outage_incidents"."ends_at" > "outage_incidents"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "tender_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reason" text NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_outage_extensions" (
	"tender_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"extended_by" uuid NOT NULL,
	"extended_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tender_outage_extensions_tender_id_incident_id_pk" PRIMARY KEY("tender_id","incident_id")
);
--> statement-breakpoint
ALTER TABLE "tender_documents" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tender_documents" ADD COLUMN "addendum_id" uuid;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "versi" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "repeat_of_id" uuid;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "repeat_reason" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "closed_note" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "closed_role" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outage_incidents" ADD CONSTRAINT "outage_incidents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_addenda" ADD CONSTRAINT "tender_addenda_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_addenda" ADD CONSTRAINT "tender_addenda_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_outage_extensions" ADD CONSTRAINT "tender_outage_extensions_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_outage_extensions" ADD CONSTRAINT "tender_outage_extensions_incident_id_outage_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."outage_incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_outage_extensions" ADD CONSTRAINT "tender_outage_extensions_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outage_incidents_time_idx" ON "outage_incidents" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tender_addenda_number_idx" ON "tender_addenda" USING btree ("tender_id","number");--> statement-breakpoint
ALTER TABLE "tender_documents" ADD CONSTRAINT "tender_documents_addendum_id_tender_addenda_id_fk" FOREIGN KEY ("addendum_id") REFERENCES "public"."tender_addenda"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
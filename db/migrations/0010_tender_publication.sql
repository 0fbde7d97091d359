CREATE TABLE "tender_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tender_documents_document_id_unique" UNIQUE("document_id")
);
--> statement-breakpoint
CREATE TABLE "tender_members" (
	"tender_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"approved_at" timestamp with time zone,
	CONSTRAINT "tender_members_tender_id_user_id_pk" PRIMARY KEY("tender_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "tenders" ALTER COLUMN "kode" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "jenis" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "metode" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "tahun_anggaran" integer;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "pagu" bigint;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "hps" bigint;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "jenis_kontrak" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "kualifikasi_usaha" text;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "lokasi" jsonb;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "syarat_kualifikasi" jsonb;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "rup_kodes" jsonb;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "approval_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenders" ADD COLUMN "announced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tender_documents" ADD CONSTRAINT "tender_documents_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_documents" ADD CONSTRAINT "tender_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_documents" ADD CONSTRAINT "tender_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_members" ADD CONSTRAINT "tender_members_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_members" ADD CONSTRAINT "tender_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tender_documents_tender_idx" ON "tender_documents" USING btree ("tender_id");--> statement-breakpoint
CREATE INDEX "tender_members_user_idx" ON "tender_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tenders_public_idx" ON "tenders" USING btree ("status","announced_at");
CREATE TABLE "bid_keys" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"wrapped" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"enrolled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bid_openings" (
	"tender_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"members" jsonb NOT NULL,
	"opened" integer NOT NULL,
	"failed" integer NOT NULL,
	CONSTRAINT "bid_openings_tender_id_kind_pk" PRIMARY KEY("tender_id","kind")
);
--> statement-breakpoint
CREATE TABLE "bid_settings" (
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"threshold" integer NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bid_settings_threshold" CHECK ("bid_settings"."threshold" >= 2)
);
--> statement-breakpoint
CREATE TABLE "bid_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"upload_id" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"header" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"receipt" text NOT NULL,
	"signature" text NOT NULL,
	"superseded_at" timestamp with time zone,
	"open_result" text,
	"open_reason" text,
	"opened_document_id" uuid
);
--> statement-breakpoint
CREATE TABLE "bid_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"declared_sha256" text NOT NULL,
	"declared_size" bigint NOT NULL,
	"status" text DEFAULT 'partial' NOT NULL,
	"refusal" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bid_witness_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"attendees" jsonb NOT NULL,
	"receipt_sha256" text NOT NULL,
	"stored_sha256" text,
	"failure_reason" text NOT NULL,
	"findings" text NOT NULL,
	"notes" text,
	"report_sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bid_keys" ADD CONSTRAINT "bid_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_openings" ADD CONSTRAINT "bid_openings_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_settings" ADD CONSTRAINT "bid_settings_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_upload_id_bid_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."bid_uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_submissions" ADD CONSTRAINT "bid_submissions_opened_document_id_documents_id_fk" FOREIGN KEY ("opened_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_uploads" ADD CONSTRAINT "bid_uploads_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_uploads" ADD CONSTRAINT "bid_uploads_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_witness_reports" ADD CONSTRAINT "bid_witness_reports_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bid_submissions_tender_idx" ON "bid_submissions" USING btree ("tender_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_submissions_current_idx" ON "bid_submissions" USING btree ("tender_id","vendor_id","kind") WHERE "bid_submissions"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "bid_uploads_tender_idx" ON "bid_uploads" USING btree ("tender_id","vendor_id");
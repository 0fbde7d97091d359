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
ALTER TABLE "bid_witness_reports" ADD CONSTRAINT "bid_witness_reports_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;
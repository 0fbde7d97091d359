CREATE TABLE "bid_failure_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"witness_report_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"postpone_days" integer,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" uuid NOT NULL,
	CONSTRAINT "bid_failure_decisions_days" CHECK (("bid_failure_decisions"."decision" = 'tunda' and "bid_failure_decisions"."postpone_days" between 1 and 60) or ("bid_failure_decisions"."decision" = 'gugur' and "bid_failure_decisions"."postpone_days" is null))
);
--> statement-breakpoint
ALTER TABLE "bid_failure_decisions" ADD CONSTRAINT "bid_failure_decisions_submission_id_bid_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."bid_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_failure_decisions" ADD CONSTRAINT "bid_failure_decisions_witness_report_id_bid_witness_reports_id_fk" FOREIGN KEY ("witness_report_id") REFERENCES "public"."bid_witness_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_failure_decisions" ADD CONSTRAINT "bid_failure_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bid_failure_decisions_submission_idx" ON "bid_failure_decisions" USING btree ("submission_id","decided_at");
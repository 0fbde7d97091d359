CREATE TABLE "eval_sanggah_banding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"sanggah_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"filed_by" uuid NOT NULL,
	"text" text NOT NULL,
	"jaminan_nomor" text NOT NULL,
	"jaminan_nilai" bigint NOT NULL,
	"jaminan_rate_bp" integer NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"answer" text,
	"outcome" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "eval_sanggah_banding_sanggah_id_unique" UNIQUE("sanggah_id"),
	CONSTRAINT "eval_sanggah_banding_answer" CHECK (("eval_sanggah_banding"."answer" is null) = ("eval_sanggah_banding"."outcome" is null))
);
--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_sanggah_id_eval_sanggah_id_fk" FOREIGN KEY ("sanggah_id") REFERENCES "public"."eval_sanggah"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eval_sanggah_banding_tender_idx" ON "eval_sanggah_banding" USING btree ("tender_id");
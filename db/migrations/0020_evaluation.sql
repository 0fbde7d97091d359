CREATE TABLE "eval_approvals" (
	"tender_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eval_approvals_tender_id_user_id_version_pk" PRIMARY KEY("tender_id","user_id","version")
);
--> statement-breakpoint
CREATE TABLE "eval_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"nilai_penawaran" bigint NOT NULL,
	"nilai_terkoreksi" bigint NOT NULL,
	"nilai_negosiasi" bigint,
	"decided_as" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"eval_version" integer NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	CONSTRAINT "eval_awards_decided_as" CHECK ("eval_awards"."decided_as" in ('POKJA', 'PA_KPA'))
);
--> statement-breakpoint
CREATE TABLE "eval_bids" (
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"harga_penawaran" bigint NOT NULL,
	"price_lines" jsonb,
	"harga_terkoreksi" bigint NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"harga_negosiasi" bigint,
	"negotiated_by" uuid,
	"negotiated_at" timestamp with time zone,
	CONSTRAINT "eval_bids_tender_id_vendor_id_pk" PRIMARY KEY("tender_id","vendor_id"),
	CONSTRAINT "eval_bids_positive" CHECK ("eval_bids"."harga_penawaran" > 0 and "eval_bids"."harga_terkoreksi" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eval_proofs" (
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"waktu" timestamp with time zone NOT NULL,
	"sampai" timestamp with time zone NOT NULL,
	"tempat" text,
	"is_online" boolean DEFAULT false NOT NULL,
	"link" text,
	"dibawa" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"hadir" boolean,
	"lulus" boolean,
	"reason" text,
	"result_by" uuid,
	"result_at" timestamp with time zone,
	CONSTRAINT "eval_proofs_tender_id_vendor_id_pk" PRIMARY KEY("tender_id","vendor_id"),
	CONSTRAINT "eval_proofs_interval" CHECK ("eval_proofs"."sampai" > "eval_proofs"."waktu"),
	CONSTRAINT "eval_proofs_reason" CHECK ("eval_proofs"."lulus" is null or "eval_proofs"."lulus" or "eval_proofs"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "eval_results" (
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"aspect" text NOT NULL,
	"lulus" boolean NOT NULL,
	"checklist" jsonb NOT NULL,
	"reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eval_results_tender_id_vendor_id_aspect_pk" PRIMARY KEY("tender_id","vendor_id","aspect"),
	CONSTRAINT "eval_results_reason" CHECK ("eval_results"."lulus" or "eval_results"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "eval_sanggah" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"filed_by" uuid NOT NULL,
	"text" text NOT NULL,
	"document_id" uuid,
	"filed_at" timestamp with time zone NOT NULL,
	"answer" text,
	"outcome" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "eval_sanggah_answer" CHECK (("eval_sanggah"."answer" is null) = ("eval_sanggah"."outcome" is null))
);
--> statement-breakpoint
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
CREATE TABLE "eval_state" (
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eval_approvals" ADD CONSTRAINT "eval_approvals_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_approvals" ADD CONSTRAINT "eval_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_awards" ADD CONSTRAINT "eval_awards_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_awards" ADD CONSTRAINT "eval_awards_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_awards" ADD CONSTRAINT "eval_awards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_bids" ADD CONSTRAINT "eval_bids_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_bids" ADD CONSTRAINT "eval_bids_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_bids" ADD CONSTRAINT "eval_bids_negotiated_by_users_id_fk" FOREIGN KEY ("negotiated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_proofs" ADD CONSTRAINT "eval_proofs_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_proofs" ADD CONSTRAINT "eval_proofs_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_proofs" ADD CONSTRAINT "eval_proofs_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_proofs" ADD CONSTRAINT "eval_proofs_result_by_users_id_fk" FOREIGN KEY ("result_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_results" ADD CONSTRAINT "eval_results_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_results" ADD CONSTRAINT "eval_results_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_results" ADD CONSTRAINT "eval_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah" ADD CONSTRAINT "eval_sanggah_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah" ADD CONSTRAINT "eval_sanggah_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah" ADD CONSTRAINT "eval_sanggah_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah" ADD CONSTRAINT "eval_sanggah_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah" ADD CONSTRAINT "eval_sanggah_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_sanggah_id_eval_sanggah_id_fk" FOREIGN KEY ("sanggah_id") REFERENCES "public"."eval_sanggah"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_sanggah_banding" ADD CONSTRAINT "eval_sanggah_banding_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_state" ADD CONSTRAINT "eval_state_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eval_awards_tender_idx" ON "eval_awards" USING btree ("tender_id");--> statement-breakpoint
CREATE INDEX "eval_sanggah_tender_idx" ON "eval_sanggah" USING btree ("tender_id","filed_at");--> statement-breakpoint
CREATE INDEX "eval_sanggah_banding_tender_idx" ON "eval_sanggah_banding" USING btree ("tender_id");
CREATE TABLE "auction_bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"harga" bigint NOT NULL,
	"placed_by" uuid NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "auction_bids_positive" CHECK ("auction_bids"."harga" > 0)
);
--> statement-breakpoint
CREATE TABLE "seleksi_approvals" (
	"tender_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"version" integer NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seleksi_approvals_tender_id_user_id_phase_version_pk" PRIMARY KEY("tender_id","user_id","phase","version")
);
--> statement-breakpoint
CREATE TABLE "seleksi_scores" (
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seleksi_scores_tender_id_vendor_id_member_id_pk" PRIMARY KEY("tender_id","vendor_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "seleksi_setup" (
	"tender_id" uuid PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"ambang" integer NOT NULL,
	"bobot_teknis" integer NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"file1_approved_at" timestamp with time zone,
	"result_approved_at" timestamp with time zone,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seleksi_setup_ranges" CHECK ("seleksi_setup"."ambang" between 0 and 100 and "seleksi_setup"."bobot_teknis" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "auction_bids" ADD CONSTRAINT "auction_bids_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_bids" ADD CONSTRAINT "auction_bids_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_bids" ADD CONSTRAINT "auction_bids_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seleksi_approvals" ADD CONSTRAINT "seleksi_approvals_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seleksi_approvals" ADD CONSTRAINT "seleksi_approvals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seleksi_scores" ADD CONSTRAINT "seleksi_scores_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seleksi_scores" ADD CONSTRAINT "seleksi_scores_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seleksi_scores" ADD CONSTRAINT "seleksi_scores_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seleksi_setup" ADD CONSTRAINT "seleksi_setup_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seleksi_setup" ADD CONSTRAINT "seleksi_setup_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auction_bids_tender" ON "auction_bids" USING btree ("tender_id","vendor_id");
CREATE TABLE "sulap_document_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sulap_document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document_id" uuid NOT NULL,
	"note" text,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sulap_document_versions_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "sulap_document_versions_uq" UNIQUE("sulap_document_id","version")
);
--> statement-breakpoint
CREATE TABLE "sulap_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"status" text NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sulap_documents_item_uq" UNIQUE("package_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "sulap_draft_tenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"pagu" bigint NOT NULL,
	"hps" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sulap_draft_tenders_package_id_unique" UNIQUE("package_id")
);
--> statement-breakpoint
CREATE TABLE "sulap_hps_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"uraian" text NOT NULL,
	"volume_milli" bigint NOT NULL,
	"satuan" text NOT NULL,
	"harga_satuan" bigint NOT NULL,
	"jumlah" bigint NOT NULL,
	CONSTRAINT "sulap_hps_items_positive" CHECK ("sulap_hps_items"."volume_milli" > 0 and "sulap_hps_items"."harga_satuan" > 0)
);
--> statement-breakpoint
CREATE TABLE "sulap_kaji_ulang" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"by_user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"hasil" text NOT NULL,
	"uraian" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sulap_members" (
	"package_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "sulap_members_package_id_user_id_pk" PRIMARY KEY("package_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sulap_package_plans" (
	"package_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kode" bigint NOT NULL,
	"pagu" bigint NOT NULL,
	CONSTRAINT "sulap_package_plans_package_id_plan_id_pk" PRIMARY KEY("package_id","plan_id"),
	CONSTRAINT "sulap_package_plans_plan_id_unique" UNIQUE("plan_id")
);
--> statement-breakpoint
CREATE TABLE "sulap_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"ukpbj_agency_id" uuid,
	"ppk_user_id" uuid NOT NULL,
	"nama_paket" text NOT NULL,
	"jenis" text NOT NULL,
	"metode" text NOT NULL,
	"tahun_anggaran" integer NOT NULL,
	"pagu" bigint NOT NULL,
	"hps" bigint NOT NULL,
	"status" text NOT NULL,
	"assignee_kind" text,
	"sk_number" text,
	"sk_date" date,
	"assigned_by" uuid,
	"submitted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sulap_packages_hps_within_pagu" CHECK ("sulap_packages"."hps" > 0 and "sulap_packages"."hps" <= "sulap_packages"."pagu")
);
--> statement-breakpoint
CREATE TABLE "sulap_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sulap_document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"reviewer_role" text NOT NULL,
	"decision" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sulap_document_versions" ADD CONSTRAINT "sulap_document_versions_sulap_document_id_sulap_documents_id_fk" FOREIGN KEY ("sulap_document_id") REFERENCES "public"."sulap_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_document_versions" ADD CONSTRAINT "sulap_document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_document_versions" ADD CONSTRAINT "sulap_document_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_documents" ADD CONSTRAINT "sulap_documents_package_id_sulap_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."sulap_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_draft_tenders" ADD CONSTRAINT "sulap_draft_tenders_package_id_sulap_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."sulap_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_hps_items" ADD CONSTRAINT "sulap_hps_items_package_id_sulap_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."sulap_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_kaji_ulang" ADD CONSTRAINT "sulap_kaji_ulang_package_id_sulap_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."sulap_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_kaji_ulang" ADD CONSTRAINT "sulap_kaji_ulang_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_members" ADD CONSTRAINT "sulap_members_package_id_sulap_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."sulap_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_members" ADD CONSTRAINT "sulap_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_package_plans" ADD CONSTRAINT "sulap_package_plans_package_id_sulap_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."sulap_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_package_plans" ADD CONSTRAINT "sulap_package_plans_plan_id_rup_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rup_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_packages" ADD CONSTRAINT "sulap_packages_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_packages" ADD CONSTRAINT "sulap_packages_ukpbj_agency_id_agencies_id_fk" FOREIGN KEY ("ukpbj_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_packages" ADD CONSTRAINT "sulap_packages_ppk_user_id_users_id_fk" FOREIGN KEY ("ppk_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_packages" ADD CONSTRAINT "sulap_packages_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_reviews" ADD CONSTRAINT "sulap_reviews_sulap_document_id_sulap_documents_id_fk" FOREIGN KEY ("sulap_document_id") REFERENCES "public"."sulap_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sulap_reviews" ADD CONSTRAINT "sulap_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sulap_hps_items_package_idx" ON "sulap_hps_items" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "sulap_members_user_idx" ON "sulap_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sulap_packages_agency_idx" ON "sulap_packages" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "sulap_packages_ukpbj_idx" ON "sulap_packages" USING btree ("ukpbj_agency_id","status");--> statement-breakpoint
CREATE INDEX "sulap_reviews_doc_idx" ON "sulap_reviews" USING btree ("sulap_document_id","version");
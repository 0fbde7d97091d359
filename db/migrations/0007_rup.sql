CREATE SEQUENCE "public"."rup_kode_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 900000001 CACHE 1;--> statement-breakpoint
CREATE TABLE "rup_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kode_program" text NOT NULL,
	"kode_kegiatan" text NOT NULL,
	"kode_sub_kegiatan" text NOT NULL,
	"mak" text NOT NULL,
	"sumber_dana" text NOT NULL,
	"pagu" bigint NOT NULL,
	CONSTRAINT "rup_budget_lines_pagu_positive" CHECK ("rup_budget_lines"."pagu" > 0)
);
--> statement-breakpoint
CREATE TABLE "rup_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kode" bigint DEFAULT nextval('rup_kode_seq') NOT NULL,
	"agency_id" uuid NOT NULL,
	"satker_kode" text,
	"satker_nama" text NOT NULL,
	"tipe" text NOT NULL,
	"tahun_anggaran" integer NOT NULL,
	"nama_paket" text NOT NULL,
	"pagu" bigint NOT NULL,
	"sumber_dana" text NOT NULL,
	"metode" text,
	"jenis" text,
	"alasan_penunjukan" text,
	"tipe_swakelola" integer,
	"bulan_pemilihan" text,
	"bulan_kontrak" text,
	"bulan_pemanfaatan" text,
	"status_pdn" boolean DEFAULT true NOT NULL,
	"status_ukm" boolean DEFAULT true NOT NULL,
	"alasan_non_ukm" text,
	"lokasi" text,
	"volume" text,
	"uraian" text,
	"spesifikasi" text,
	"ppk_user_id" uuid,
	"status" text NOT NULL,
	"announced_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rup_plans_kode_unique" UNIQUE("kode"),
	CONSTRAINT "rup_plans_pagu_positive" CHECK ("rup_plans"."pagu" > 0)
);
--> statement-breakpoint
CREATE TABLE "rup_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jenis" text NOT NULL,
	"alasan" text NOT NULL,
	"old_kodes" bigint[] NOT NULL,
	"new_kodes" bigint[] NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rup_budget_lines" ADD CONSTRAINT "rup_budget_lines_plan_id_rup_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rup_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rup_plans" ADD CONSTRAINT "rup_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rup_plans" ADD CONSTRAINT "rup_plans_ppk_user_id_users_id_fk" FOREIGN KEY ("ppk_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rup_plans" ADD CONSTRAINT "rup_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rup_revisions" ADD CONSTRAINT "rup_revisions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rup_budget_lines_plan_idx" ON "rup_budget_lines" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "rup_plans_public_idx" ON "rup_plans" USING btree ("status","tahun_anggaran","agency_id");--> statement-breakpoint
CREATE INDEX "rup_plans_agency_idx" ON "rup_plans" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "rup_plans_public_order_idx" ON "rup_plans" USING btree ("status","tahun_anggaran" DESC NULLS FIRST,"kode" DESC NULLS FIRST);
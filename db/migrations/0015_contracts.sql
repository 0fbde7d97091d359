CREATE TABLE "contract_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"versi" integer NOT NULL,
	"nomor" text NOT NULL,
	"tanggal" date NOT NULL,
	"alasan" text NOT NULL,
	"nilai_lama" bigint NOT NULL,
	"nilai_baru" bigint NOT NULL,
	"selesai_lama" date NOT NULL,
	"selesai_baru" date NOT NULL,
	"alasan_sepuluh_persen" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"ppk_user_id" uuid,
	"vendor_id" uuid NOT NULL,
	"nilai_penawaran" bigint NOT NULL,
	"nilai_terkoreksi" bigint NOT NULL,
	"nilai_negosiasi" bigint,
	"pagu" bigint NOT NULL,
	"hps" bigint NOT NULL,
	"jenis" text,
	"jenis_kontrak" text,
	"status" text DEFAULT 'aktif' NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_awards_status" CHECK ("contract_awards"."status" in ('aktif', 'ditolak')),
	CONSTRAINT "contract_awards_money" CHECK ("contract_awards"."nilai_terkoreksi" > 0 and "contract_awards"."nilai_terkoreksi" <= "contract_awards"."hps" and "contract_awards"."hps" <= "contract_awards"."pagu" and ("contract_awards"."nilai_negosiasi" is null or ("contract_awards"."nilai_negosiasi" > 0 and "contract_awards"."nilai_negosiasi" <= "contract_awards"."nilai_terkoreksi")))
);
--> statement-breakpoint
CREATE TABLE "contract_bast" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"nomor" text NOT NULL,
	"pho_date" date NOT NULL,
	"fho_nomor" text,
	"fho_date" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"fho_by" uuid,
	"fho_at" timestamp with time zone,
	CONSTRAINT "contract_bast_fho" CHECK ("contract_bast"."fho_date" is null or "contract_bast"."fho_date" >= "contract_bast"."pho_date")
);
--> statement-breakpoint
CREATE TABLE "contract_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"termin" integer NOT NULL,
	"nomor" text NOT NULL,
	"tanggal" date NOT NULL,
	"fisik_basis_poin" integer NOT NULL,
	"pembayaran" bigint NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_payments_fisik" CHECK ("contract_payments"."fisik_basis_poin" between 0 and 10000),
	CONSTRAINT "contract_payments_money" CHECK ("contract_payments"."pembayaran" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contract_ratings" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"vendor_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"nilai_ratusan" integer NOT NULL,
	"catatan" text,
	"rated_by" uuid NOT NULL,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_spmk" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"nomor" text NOT NULL,
	"tanggal" date NOT NULL,
	"mulai_kerja" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_sppbj" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"nomor" text NOT NULL,
	"tanggal" date NOT NULL,
	"nilai" bigint NOT NULL,
	"jaminan_nilai" bigint,
	"jaminan_penerbit" text,
	"jaminan_berlaku_sampai" date,
	"status" text DEFAULT 'terbit' NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"refusal_reason" text,
	CONSTRAINT "contract_sppbj_award_id_unique" UNIQUE("award_id"),
	CONSTRAINT "contract_sppbj_nomor_unique" UNIQUE("nomor"),
	CONSTRAINT "contract_sppbj_status" CHECK ("contract_sppbj"."status" in ('terbit', 'diterima', 'ditolak')),
	CONSTRAINT "contract_sppbj_refusal" CHECK ("contract_sppbj"."status" <> 'ditolak' or "contract_sppbj"."refusal_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"tender_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"nomor" text NOT NULL,
	"jenis_kontrak" text NOT NULL,
	"nilai_awal" bigint NOT NULL,
	"nilai" bigint NOT NULL,
	"tanggal" date NOT NULL,
	"mulai" date NOT NULL,
	"selesai" date NOT NULL,
	"ppk_nama" text NOT NULL,
	"ppk_nip" text,
	"penyedia_nama" text NOT NULL,
	"penyedia_jabatan" text NOT NULL,
	"status" text DEFAULT 'berjalan' NOT NULL,
	"signed_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contracts_award_id_unique" UNIQUE("award_id"),
	CONSTRAINT "contracts_nomor_unique" UNIQUE("nomor"),
	CONSTRAINT "contracts_status" CHECK ("contracts"."status" in ('berjalan', 'serah_terima', 'selesai')),
	CONSTRAINT "contracts_money" CHECK ("contracts"."nilai_awal" > 0 and "contracts"."nilai" > 0),
	CONSTRAINT "contracts_dates" CHECK ("contracts"."selesai" >= "contracts"."mulai")
);
--> statement-breakpoint
ALTER TABLE "contract_addenda" ADD CONSTRAINT "contract_addenda_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_addenda" ADD CONSTRAINT "contract_addenda_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_awards" ADD CONSTRAINT "contract_awards_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_awards" ADD CONSTRAINT "contract_awards_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_awards" ADD CONSTRAINT "contract_awards_ppk_user_id_users_id_fk" FOREIGN KEY ("ppk_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_awards" ADD CONSTRAINT "contract_awards_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_awards" ADD CONSTRAINT "contract_awards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_bast" ADD CONSTRAINT "contract_bast_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_bast" ADD CONSTRAINT "contract_bast_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_bast" ADD CONSTRAINT "contract_bast_fho_by_users_id_fk" FOREIGN KEY ("fho_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_ratings" ADD CONSTRAINT "contract_ratings_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_ratings" ADD CONSTRAINT "contract_ratings_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_ratings" ADD CONSTRAINT "contract_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_spmk" ADD CONSTRAINT "contract_spmk_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_spmk" ADD CONSTRAINT "contract_spmk_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_sppbj" ADD CONSTRAINT "contract_sppbj_award_id_contract_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."contract_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_sppbj" ADD CONSTRAINT "contract_sppbj_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_sppbj" ADD CONSTRAINT "contract_sppbj_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_award_id_contract_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."contract_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_addenda_versi" ON "contract_addenda" USING btree ("contract_id","versi");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_awards_one_active" ON "contract_awards" USING btree ("tender_id") WHERE "contract_awards"."status" = 'aktif';--> statement-breakpoint
CREATE INDEX "contract_awards_agency_idx" ON "contract_awards" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "contract_awards_vendor_idx" ON "contract_awards" USING btree ("vendor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_payments_termin" ON "contract_payments" USING btree ("contract_id","termin");--> statement-breakpoint
CREATE INDEX "contract_ratings_vendor_idx" ON "contract_ratings" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "contracts_vendor_idx" ON "contracts" USING btree ("vendor_id","status");--> statement-breakpoint
CREATE INDEX "contracts_agency_idx" ON "contracts" USING btree ("agency_id");
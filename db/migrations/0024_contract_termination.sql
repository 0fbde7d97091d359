ALTER TABLE "contracts" DROP CONSTRAINT "contracts_status";--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "putus_tanggal" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "putus_alasan" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "putus_kesalahan_penyedia" boolean;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "putus_by" uuid;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "putus_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_putus_by_users_id_fk" FOREIGN KEY ("putus_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_putus" CHECK ("contracts"."status" <> 'diputus' or ("contracts"."putus_tanggal" is not null and "contracts"."putus_alasan" is not null and "contracts"."putus_kesalahan_penyedia" is not null));--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_status" CHECK ("contracts"."status" in ('berjalan', 'serah_terima', 'selesai', 'diputus'));
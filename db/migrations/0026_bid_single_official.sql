ALTER TABLE "bid_settings" DROP CONSTRAINT "bid_settings_threshold";--> statement-breakpoint
-- n for the rows written before it was stored: the tender's members now, never below its k (every such k is >= 2).
ALTER TABLE "bid_settings" ADD COLUMN "members" integer;--> statement-breakpoint
UPDATE "bid_settings" SET "members" = GREATEST("threshold", (SELECT count(*) FROM "tender_members" m WHERE m."tender_id" = "bid_settings"."tender_id"));--> statement-breakpoint
ALTER TABLE "bid_settings" ALTER COLUMN "members" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bid_settings" ADD CONSTRAINT "bid_settings_threshold" CHECK ("bid_settings"."threshold" <= "bid_settings"."members" AND ("bid_settings"."threshold" >= 2 OR ("bid_settings"."threshold" = 1 AND "bid_settings"."members" = 1)));

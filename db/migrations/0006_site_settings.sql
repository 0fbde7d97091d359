CREATE TABLE "site_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"regency_name" text NOT NULL,
	"address" text NOT NULL,
	"hours" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"whatsapp" text,
	"emblem_document_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "site_settings_single_row" CHECK ("site_settings"."id" = 1)
);

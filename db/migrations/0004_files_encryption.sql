ALTER TABLE "documents" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "wrapped_key" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_encryption_all_or_none" CHECK (("documents"."storage_key" is null) = ("documents"."wrapped_key" is null) and ("documents"."storage_key" is null) = ("documents"."key_id" is null));
CREATE TABLE "sikap_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"section" text NOT NULL,
	"op" jsonb NOT NULL,
	"note" text,
	"evidence_document_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "sikap_evidence" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"vendor_id" uuid NOT NULL,
	"section" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sikap_section_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"section" text NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"change" text NOT NULL,
	"item_id" text,
	"change_request_id" uuid,
	"saved_by" uuid,
	"saved_by_name" text,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sikap_section_versions_vendor_id_section_version_unique" UNIQUE("vendor_id","section","version")
);
--> statement-breakpoint
CREATE TABLE "sikap_sections" (
	"vendor_id" uuid NOT NULL,
	"section" text NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sikap_sections_vendor_id_section_pk" PRIMARY KEY("vendor_id","section")
);
--> statement-breakpoint
ALTER TABLE "sikap_change_requests" ADD CONSTRAINT "sikap_change_requests_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_change_requests" ADD CONSTRAINT "sikap_change_requests_evidence_document_id_documents_id_fk" FOREIGN KEY ("evidence_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_change_requests" ADD CONSTRAINT "sikap_change_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_change_requests" ADD CONSTRAINT "sikap_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_evidence" ADD CONSTRAINT "sikap_evidence_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_evidence" ADD CONSTRAINT "sikap_evidence_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_section_versions" ADD CONSTRAINT "sikap_section_versions_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_section_versions" ADD CONSTRAINT "sikap_section_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_sections" ADD CONSTRAINT "sikap_sections_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_sections" ADD CONSTRAINT "sikap_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sikap_change_requests_status_index" ON "sikap_change_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sikap_change_requests_vendor_id_index" ON "sikap_change_requests" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "sikap_section_versions_vendor_id_index" ON "sikap_section_versions" USING btree ("vendor_id");
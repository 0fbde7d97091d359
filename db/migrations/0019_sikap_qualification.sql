CREATE TABLE "sikap_qualification_snapshots" (
	"tender_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL,
	"versions" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"passed" boolean NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sikap_qualification_snapshots_tender_id_vendor_id_pk" PRIMARY KEY("tender_id","vendor_id")
);
--> statement-breakpoint
ALTER TABLE "sikap_qualification_snapshots" ADD CONSTRAINT "sikap_qualification_snapshots_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sikap_qualification_snapshots" ADD CONSTRAINT "sikap_qualification_snapshots_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sikap_qualification_snapshots_vendor_id_index" ON "sikap_qualification_snapshots" USING btree ("vendor_id");
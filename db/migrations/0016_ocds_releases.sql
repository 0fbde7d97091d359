CREATE SEQUENCE "public"."ocds_release_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "ocds_releases" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"ocid" text NOT NULL,
	"release_id" text NOT NULL,
	"tag" text[] NOT NULL,
	"date" timestamp with time zone NOT NULL,
	"audit_seq" bigint,
	"action" text NOT NULL,
	"json" text NOT NULL,
	CONSTRAINT "ocds_releases_release_id_unique" UNIQUE("release_id")
);
--> statement-breakpoint
CREATE INDEX "ocds_releases_ocid_idx" ON "ocds_releases" USING btree ("ocid","seq");
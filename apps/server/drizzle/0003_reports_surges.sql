CREATE TABLE "surges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"case_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"peak_count" integer NOT NULL,
	"threshold" integer NOT NULL,
	"baseline" real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "surges" ADD CONSTRAINT "surges_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "surges_org_active_idx" ON "surges" USING btree ("organisation_id","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "surges_one_active_uq" ON "surges" USING btree ("organisation_id","dimension","value") WHERE resolved_at is null;
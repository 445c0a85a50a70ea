CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "curator_supervisor_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "operator_supervisor_id" uuid;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "topics_org_name_uq" ON "topics" USING btree ("organisation_id","name");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_curator_supervisor_id_people_id_fk" FOREIGN KEY ("curator_supervisor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_operator_supervisor_id_people_id_fk" FOREIGN KEY ("operator_supervisor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Hand-written back-fill: every organisation's topic directory starts with the topics its cases already use, so
-- triage keeps offering them (a topic is chosen from the directory from now on).
INSERT INTO "topics" ("organisation_id", "name")
SELECT DISTINCT "organisation_id", btrim("topic") FROM "cases" WHERE "topic" IS NOT NULL AND btrim("topic") <> ''
ON CONFLICT ("organisation_id", "name") DO NOTHING;

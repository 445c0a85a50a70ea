CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"organisation_id" uuid,
	"actor_id" uuid,
	"actor_login" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"ip" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "party_executor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_org_at_idx" ON "audit_log" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
-- Hand-written back-fill: the parties (departments and executors that hold or held a case) of existing cases, from
-- their stored state, as the domain's caseParties computes them (assignments, returns, contributions).
UPDATE "cases" SET
  "party_department_ids" = ARRAY(
    SELECT DISTINCT x.id::uuid FROM (
      SELECT a->>'departmentId' AS id FROM jsonb_array_elements(COALESCE("state"->'assignments', '[]'::jsonb)) a
      UNION SELECT r->>'departmentId' FROM jsonb_array_elements(COALESCE("state"->'returns', '[]'::jsonb)) r
      UNION SELECT c->>'departmentId' FROM jsonb_array_elements(COALESCE("state"->'contributions', '[]'::jsonb)) c
    ) x WHERE x.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  "party_executor_ids" = ARRAY(
    SELECT DISTINCT x.id::uuid FROM (
      SELECT a->>'executorId' AS id FROM jsonb_array_elements(COALESCE("state"->'assignments', '[]'::jsonb)) a
      UNION SELECT r->>'by' FROM jsonb_array_elements(COALESCE("state"->'returns', '[]'::jsonb)) r
      UNION SELECT c->>'by' FROM jsonb_array_elements(COALESCE("state"->'contributions', '[]'::jsonb)) c
    ) x WHERE x.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');

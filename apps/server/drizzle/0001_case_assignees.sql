ALTER TABLE "cases" ADD COLUMN "department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "executor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;
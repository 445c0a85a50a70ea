CREATE TABLE "production_calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"days_off" text[] NOT NULL,
	"shortened_days" text[] DEFAULT '{}'::text[] NOT NULL,
	"transferred_days_off" text[] DEFAULT '{}'::text[] NOT NULL,
	"working_days" integer NOT NULL,
	"hours40" integer NOT NULL,
	"file_name" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid
);
--> statement-breakpoint
ALTER TABLE "production_calendar_years" ADD CONSTRAINT "production_calendar_years_imported_by_people_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
ALTER TABLE "organisations" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "region_administrator" boolean DEFAULT false NOT NULL;
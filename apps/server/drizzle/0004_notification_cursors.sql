CREATE TABLE "notification_cursors" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_cursors" ADD CONSTRAINT "notification_cursors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An existing database starts delivery at its current end: earlier events were notified (or not) before this
-- migration, and people must not be flooded with history. Organisations created later start at 0.
INSERT INTO "notification_cursors" ("organisation_id", "last_seq")
SELECT o."id", COALESCE((SELECT max(e."seq") FROM "case_events" e WHERE e."organisation_id" = o."id"), 0)
FROM "organisations" o;

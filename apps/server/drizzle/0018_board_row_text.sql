ALTER TABLE "cases" ADD COLUMN "board_row" text DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- The row as the board snapshot sends it (cases/board-compact.ts: the columns the board shows, instants as epoch
-- milliseconds, the stored compact clocks), as JSON text, without the four columns the snapshot reads at request
-- time: the responsible person's id and name (a stand-in's while they are absent), the absent person, and the
-- department's name. Written by PostgreSQL on every insert and update of a case row, whichever writer it is
-- (commands, intake, the scheduler's catch-up, the refold at start, a restore), from the row's own columns: the
-- snapshot concatenates it (cases/board.ts snapshotSql) instead of building each row's JSON on every request.
CREATE FUNCTION "cases_board_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."board_row" := (SELECT row_to_json(x)::text FROM (SELECT NEW."id" AS "id", NEW."number" AS "number",
    NEW."organisation_id" AS "organisationId", NEW."version" AS "version", NEW."status" AS "status",
    NEW."current_step" AS "currentStep", (floor(extract(epoch FROM NEW."due_at") * 1000))::bigint AS "dueAt",
    NEW."responsible_department_id" AS "responsibleDepartmentId", NEW."department_ids" AS "departmentIds",
    NEW."executor_ids" AS "executorIds", NEW."category" AS "category", NEW."topic" AS "topic",
    NEW."location" AS "location", NEW."network" AS "network", NEW."author" AS "author",
    left(NEW."text", 280) AS "excerpt", NEW."flags" AS "flags", NEW."board_clocks" AS "clocks", NEW."chain" AS "chain",
    NEW."is_open" AS "isOpen", (floor(extract(epoch FROM NEW."detected_at") * 1000))::bigint AS "detectedAt") AS x);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cases_board_row" BEFORE INSERT OR UPDATE ON "cases" FOR EACH ROW EXECUTE FUNCTION "cases_board_row"();--> statement-breakpoint
-- The cases stored before: written once through the trigger.
UPDATE "cases" SET "board_row" = "board_row";

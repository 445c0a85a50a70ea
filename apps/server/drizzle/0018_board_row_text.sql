-- The board snapshot's row text, written with the row (cases/board.ts `snapshotSql`; BENCHMARKS.md note 27). Building
-- each row's JSON at read time (row_to_json of ~25 columns, arrays of ids element by element) was most of the
-- embedded snapshot's time; the invariant part of the compact row is now built once per write of a case, by this
-- trigger, whoever writes the row (the projection, the load fill, a migration's update, a department's deletion
-- setting the id null). `board_text` is that JSON object's members after its opening brace (it ends with the closing
-- one): the snapshot puts the four members it reads at request time in front of it (the responsible person's id and
-- name, a stand-in's, the department's name). `board_rule_keys` names the rules the row's clocks use (the keys of
-- `board_rules`, sorted, comma-separated; null for none), so a page finds its distinct rules without reading every
-- row's `board_rules`. Its storage is MAIN: kept in the row, where the snapshot's scan finds it, while the row's larger
-- columns (the folded state, the clocks) go out of line first; as EXTERNAL it was read out of line (three buffer
-- reads a row), and compressed (the default) decompressing 10,000 rows' text cost more than building it.
-- Neither column is declared in src/db/schema.ts: nothing but the snapshot reads them, and a case's other reads
-- should not carry them.
ALTER TABLE "cases" ADD COLUMN "board_text" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "board_rule_keys" text;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "board_text" SET STORAGE MAIN;--> statement-breakpoint
CREATE FUNCTION "cases_board_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- row_to_json, not json_build_object: the compact form, without a space around each colon and comma.
  NEW."board_text" := substr((SELECT row_to_json(x) FROM (SELECT
    NEW."id" AS "id", NEW."number" AS "number", NEW."organisation_id" AS "organisationId", NEW."version" AS "version",
    NEW."status" AS "status", NEW."current_step" AS "currentStep",
    (floor(extract(epoch from NEW."due_at") * 1000))::bigint AS "dueAt",
    NEW."responsible_department_id" AS "responsibleDepartmentId",
    NEW."department_ids" AS "departmentIds", NEW."executor_ids" AS "executorIds",
    NEW."category" AS "category", NEW."topic" AS "topic", NEW."location" AS "location", NEW."network" AS "network",
    NEW."author" AS "author", left(NEW."text", 280) AS "excerpt", NEW."flags" AS "flags",
    NEW."board_clocks" AS "clocks", NEW."chain" AS "chain", NEW."is_open" AS "isOpen",
    (floor(extract(epoch from NEW."detected_at") * 1000))::bigint AS "detectedAt") AS x)::text, 2);
  NEW."board_rule_keys" := (SELECT string_agg(k, ',' ORDER BY k) FROM jsonb_object_keys(NEW."board_rules") AS k);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cases_board_text" BEFORE INSERT OR UPDATE ON "cases"
  FOR EACH ROW EXECUTE FUNCTION "cases_board_text"();--> statement-breakpoint
-- The cases stored before: their text written by the trigger.
UPDATE "cases" SET "board_text" = NULL;

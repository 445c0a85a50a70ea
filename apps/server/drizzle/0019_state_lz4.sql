-- A case's folded state (cases.state, ~4 KB of JSON on a worked case) is rewritten by every command and read by the
-- next one; stored out of line, PostgreSQL compresses it each time. lz4 compresses and decompresses it for a fraction
-- of pglz's CPU (BENCHMARKS.md note 33: the backends' CPU a command about 0.9×). Values already stored keep pglz until
-- they are next written; both read the same. A server built without lz4 (and the embedded database, which has none)
-- keeps pglz: the change is skipped, not an error.
DO $$
BEGIN
  ALTER TABLE "cases" ALTER COLUMN "state" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$$;

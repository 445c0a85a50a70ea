-- The organisation's last event seq before `before`, read with a snapshot of its own. A command's write (one
-- statement, cases/commands.ts) takes the organisation's lock part-way through: its own snapshot, taken when the
-- statement began, may miss a batch committed while it waited for the lock. A VOLATILE function's queries take a
-- fresh snapshot each (READ COMMITTED), so called after the lock it sees every batch committed before this one: the
-- `prevSeq` of the batch's first live change, without a read of its own after the commit (BENCHMARKS.md note 26).
-- The same range as realtime/changes.ts previousSeq.
CREATE OR REPLACE FUNCTION "otklik_events_before"("org" uuid, "before" bigint) RETURNS bigint
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  -- As row comparisons ordered by (organisation_id, seq): only case_events_org_seq_idx answers it, whatever the plan
  -- (the primary key's seq order would walk a bigger organisation's newer events; db/organisation-seqs.ts).
  RETURN (SELECT e."seq" FROM "case_events" e
           WHERE (e."organisation_id", e."seq") > ("org", 0) AND (e."organisation_id", e."seq") < ("org", "before")
           ORDER BY e."organisation_id" DESC, e."seq" DESC LIMIT 1);
END
$$;

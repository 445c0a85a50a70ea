ALTER TABLE "cases" ADD COLUMN "chain" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "board_clocks" json DEFAULT '[]'::json NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "board_rules" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- The cases stored before these columns: their chain's progress as the domain's chainProgress gives it (a chain of
-- two or more departments, sequential or parallel; the parts sent; the link holding it), and their clocks in the
-- board snapshot's form (cases/board-compact.ts compactClocks: holders left out when just the responsible party,
-- the rule named by a key into board_rules). Every writer of a case row writes all three from then on (projectCase).
UPDATE "cases" AS c SET
  "chain" = CASE
    WHEN c."state"->>'mode' NOT IN ('sequential', 'parallel') OR s.n < 2 THEN NULL
    WHEN c."state"->>'mode' = 'parallel' THEN
      jsonb_build_object('mode', 'parallel', 'total', s.n, 'sent', s.sent, 'current', NULL)
    ELSE jsonb_build_object('mode', 'sequential', 'total', s.n, 'sent', s.sent, 'current', coalesce(s.waiting, s.n))
  END,
  "board_clocks" = k.clocks,
  "board_rules" = k.rules
FROM "cases" AS c2
CROSS JOIN LATERAL (
  SELECT count(*) AS n,
         count(*) FILTER (WHERE a.v->'contributedAt' IS DISTINCT FROM 'null'::jsonb) AS sent,
         min(a.o) FILTER (WHERE a.v->'contributedAt' = 'null'::jsonb) AS waiting
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c2."state"->'assignments') = 'array'
                                   THEN c2."state"->'assignments' ELSE '[]'::jsonb END) WITH ORDINALITY AS a(v, o)
) AS s
CROSS JOIN LATERAL (
  SELECT coalesce(json_agg((
           jsonb_build_object('id', x.v->'id', 'step', x.v->'step', 'kind', x.v->'kind',
             'startedAt', x.v->'startedAt', 'dueAt', x.v->'dueAt', 'atRiskAt', x.v->'atRiskAt',
             'confirmed', x.v->'confirmed', 'status', x.v->'status', 'responsible', x.v->'responsible',
             'holder', x.v->'holder', 'rule', left(md5(x.rule::text), 16))
           || CASE WHEN jsonb_typeof(x.v->'holders') = 'array'
                    AND NOT (jsonb_array_length(x.v->'holders') = 1
                         AND (x.v->'holders'->0->>'role') IS NOT DISTINCT FROM (x.v->'responsible'->>'role')
                         AND (x.v->'holders'->0->>'personId') IS NOT DISTINCT FROM (x.v->'responsible'->>'personId')
                         AND (x.v->'holders'->0->>'departmentId') IS NOT DISTINCT FROM (x.v->'responsible'->>'departmentId'))
                   THEN jsonb_build_object('holders', x.v->'holders') ELSE '{}'::jsonb END
         )::json ORDER BY x.o), '[]'::json) AS clocks,
         coalesce(jsonb_object_agg(left(md5(x.rule::text), 16), x.rule), '{}'::jsonb) AS rules
    FROM (SELECT e.v, e.o, coalesce(nullif(e.v->'rule', 'null'::jsonb), '""'::jsonb) AS rule
            FROM jsonb_array_elements(c2."clocks") WITH ORDINALITY AS e(v, o)) AS x
) AS k
WHERE c2."id" = c."id";

// The domain's visibility rule (packages/domain access/visibility.ts) applied to the database: a SQL condition that
// keeps exactly the cases `canSeeCase` allows (the board, the changes feed, report rows), the parties of stored cases,
// and the checks of one case (detail, commands, attachments, socket rooms).
import { type Actor, type CaseParties, canSeeCase, type VisibilityScope, visibilityScope } from '@otklik/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connect';
import { cases } from '../db/schema';
import { appError } from '../errors/app-error';

/** Ids as one `uuid[]` parameter (one bound text, however many ids, where `in (…)` binds one parameter each). */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The SQL form of `scopeIncludes(scope, parties)`; undefined when the whole organisation is visible. */
export function visibleCasesCondition(scope: VisibilityScope): SQL | undefined {
  if (scope.wholeOrganisation) return undefined;
  const parts: SQL[] = [];
  if (scope.departmentIds.length > 0) parts.push(sql`${cases.partyDepartmentIds} && ${uuidArray(scope.departmentIds)}`);
  if (scope.personIds.length > 0) parts.push(sql`${cases.partyExecutorIds} && ${uuidArray(scope.personIds)}`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

export const actorCondition = (actor: Actor) => visibleCasesCondition(visibilityScope(actor));

export const notVisible = () => appError('NOT_FOUND', 'case.not-visible', {});

/** The parties of a stored case, from its projection row's two party columns. */
export const partiesOfRow = (row: {
  readonly partyDepartmentIds: string[];
  readonly partyExecutorIds: string[];
}): CaseParties => ({ departmentIds: row.partyDepartmentIds, executorIds: row.partyExecutorIds });

/** The parties of a case of the organisation, or null when there is no such case. */
export async function loadParties(db: DbOrTx, organisationId: string, caseId: string): Promise<CaseParties | null> {
  const [row] = await db
    .select({ departmentIds: cases.partyDepartmentIds, executorIds: cases.partyExecutorIds })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)));
  return row ?? null;
}

/** The parties of a case the actor may see; NOT_FOUND otherwise (the same answer as for a case that does not exist). */
export async function requireVisibleCase(
  db: DbOrTx,
  organisationId: string,
  caseId: string,
  actor: Actor,
): Promise<CaseParties> {
  const parties = await loadParties(db, organisationId, caseId);
  if (!parties || !canSeeCase(actor, parties)) throw notVisible();
  return parties;
}

/** Of `ids`, those the actor may see. */
export async function visibleCaseIds(
  db: DbOrTx,
  organisationId: string,
  ids: readonly string[],
  actor: Actor,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, [...ids]), actorCondition(actor)));
  return new Set(rows.map((r) => r.id));
}

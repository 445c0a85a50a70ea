// Read side of cases: one case with its full timeline and the actions this user may take, and the
// changes after a global sequence number (what a reconnecting client asks for).

import {
  type Actor,
  canSeeCase,
  caseActions,
  computeClocks,
  eventForReader,
  stateForReader,
  takesPartIn,
} from '@otklik/domain';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { attachments, caseEvents, cases, people } from '../db/schema';
import type { ServerDeps } from '../deps';
import { actorCondition, notVisible } from './access';
import { listBoard } from './board';
import { loadOrganisationRules } from './domain-context';
import { committedEventColumns, toCommittedEvent } from './event-rows';
import { toTimelineEntry } from './timeline';

export async function getCaseDetail(deps: ServerDeps, organisationId: string, caseId: string, actor: Actor) {
  const [row] = await deps.db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)));
  const parties = row ? { departmentIds: row.partyDepartmentIds, executorIds: row.partyExecutorIds } : null;
  if (!row || !parties || !canSeeCase(actor, parties)) throw notVisible();
  // Readers (head, observers, department heads) do not see the citizen's personal data of an official appeal.
  const participant = takesPartIn(actor, parties);
  const state = participant ? row.state : stateForReader(row.state);
  const rules = await loadOrganisationRules(deps.db, organisationId, state.profileId);
  const now = deps.now();
  const timeline = await deps.db
    .select({
      seq: caseEvents.seq,
      version: caseEvents.version,
      type: caseEvents.type,
      actorName: people.fullName,
      occurredAt: caseEvents.occurredAt,
      payload: caseEvents.payload,
    })
    .from(caseEvents)
    .leftJoin(people, eq(people.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.version));
  const { state: _state, ...caseRow } = row;
  // The earlier cases a repeat message is linked to, closed ones included, for the timeline's links.
  const repeatOf =
    state.repeatOf.length === 0
      ? []
      : await deps.db
          .select({
            id: cases.id,
            number: cases.number,
            status: cases.status,
            excerpt: sql<string>`left(${cases.text}, 200)`,
          })
          .from(cases)
          .where(
            and(
              eq(cases.organisationId, organisationId),
              inArray(cases.id, [...state.repeatOf]),
              actorCondition(actor),
            ),
          );
  const files = await deps.db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.createdAt));
  return {
    case: caseRow,
    /** Files uploaded to this case (evidence, documents), downloadable at `url`. */
    attachments: files.map((f) => ({ ...f, url: `/api/attachments/${f.id}` })),
    state,
    clocks: computeClocks(state, rules.profile, rules.calendar, now),
    timeline: timeline.map((e) => toTimelineEntry(e, participant)),
    allowedActions: caseActions(state, actor, rules, now),
    repeatOf,
    profileId: rules.profile.id,
    publisher: rules.profile.publisher,
    timeZone: rules.timeZone,
    serverTime: now,
  };
}

/** Events after `afterSeq` in this organisation (in order) and the current rows of the cases they touch, as far as
 *  `actor` may see them (events of other cases are left out; `lastSeq` still advances past them). */
export async function getChangesSince(
  deps: ServerDeps,
  organisationId: string,
  afterSeq: number,
  limit: number | undefined,
  actor: Actor,
) {
  limit ??= 1000;
  // Only events of cases the actor may see, so that a page's limit and `hasMore` count what the client receives.
  const visibleTo = actorCondition(actor);
  const events = await deps.db
    .select(committedEventColumns)
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.organisationId, organisationId), gt(caseEvents.seq, afterSeq), visibleTo))
    .orderBy(asc(caseEvents.seq))
    .limit(limit + 1);
  const hasMore = events.length > limit;
  const page = events.slice(0, limit).map(toCommittedEvent);
  const caseIds = [...new Set(page.map((e) => e.caseId))];
  const rows =
    caseIds.length === 0
      ? []
      : await listBoard(deps.db, organisationId, {
          includeClosed: true,
          ids: caseIds,
          visibleTo: actor,
          now: deps.now(),
        });
  const visible = new Map(
    rows.map((r) => [
      r.id,
      takesPartIn(actor, { departmentIds: r.partyDepartmentIds, executorIds: r.partyExecutorIds }),
    ]),
  );
  return {
    events: page
      .filter((e) => visible.has(e.caseId))
      .map((e) => (visible.get(e.caseId) ? e : { ...e, payload: eventForReader(e.payload) })),
    cases: rows,
    lastSeq: page.at(-1)?.seq ?? afterSeq,
    hasMore,
    serverTime: deps.now(),
  };
}

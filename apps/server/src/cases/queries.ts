// Read side of cases: one case with its full timeline and the actions this user may take.

import { type Actor, canSeeCase, caseActions, computeClocks, stateForReader, takesPartIn } from '@otklik/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { publicationChannelOfCase } from '../channels/publication';
import { attachments, caseEvents, cases, people } from '../db/schema';
import type { ServerDeps } from '../deps';
import { actorCondition, notVisible, partiesOfRow } from './access';
import { loadOrganisationRules } from './domain-context';
import { toTimelineEntry } from './timeline';

export async function getCaseDetail(deps: ServerDeps, organisationId: string, caseId: string, actor: Actor) {
  const [row] = await deps.db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)));
  const parties = row ? partiesOfRow(row) : null;
  if (!row || !parties || !canSeeCase(actor, parties)) throw notVisible();
  // Readers (head, observers, department heads) do not see the citizen's personal data of an official appeal.
  const participant = takesPartIn(actor, parties);
  const state = participant ? row.state : stateForReader(row.state);
  const [rules, publicationChannel] = await Promise.all([
    loadOrganisationRules(deps.db, organisationId, state.profileId),
    publicationChannelOfCase(deps.db, caseId),
  ]);
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
  // The board's own columns (its chain, its compact clocks) are not the detail's.
  const { state: _state, chain: _chain, boardClocks: _clocks, boardRules: _rules, ...caseRow } = row;
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
    allowedActions: caseActions(state, actor, rules, now, publicationChannel),
    /** Whether the case can be published through its network account (the web derives a live change's actions
     *  with it). */
    publicationChannel,
    repeatOf,
    profileId: rules.profile.id,
    publisher: rules.profile.publisher,
    timeZone: rules.timeZone,
    serverTime: now,
  };
}

// Folds one event into a case's state: pure and total (an event that does not fit the state changes nothing it
// cannot), and it opens/closes the clock records the SLA module computes deadlines for.
import type { Instant } from '../calendar/types';
import type { StepId } from '../profiles/schema';
import type { Assignment, RouteMode } from './commands';
import type { CaseEvent } from './events';
import { composerResponsible, initialState } from './state';
import type { AssignmentState, CaseState, ClockRecord, Responsible } from './types';

const CURATOR: Responsible = { role: 'curator', personId: null, departmentId: null };
const OPERATOR: Responsible = { role: 'operator', personId: null, departmentId: null };

function clock(
  step: StepId,
  kind: ClockRecord['kind'],
  version: number,
  at: Instant,
  responsible: Responsible,
  key = '',
) {
  return {
    id: `${step}@${version}${key ? `:${key}` : ''}`,
    step,
    kind,
    startedAt: at,
    responsible,
    closedAt: null,
    atRiskAt: null,
    breachedAt: null,
    dueAt: null,
  } satisfies ClockRecord;
}

/** Closes the open clocks `which` selects (all open ones by default). */
function closeClocks(clocks: readonly ClockRecord[], at: Instant, which: (c: ClockRecord) => boolean = () => true) {
  return clocks.map((c) => (c.closedAt === null && which(c) ? { ...c, closedAt: at } : c));
}

/** Closes open step clocks of the given steps; the overall clock (whatever its step) is never closed by a step. */
function closeSteps(clocks: readonly ClockRecord[], at: Instant, ...steps: StepId[]) {
  return closeClocks(clocks, at, (c) => c.kind === 'step' && steps.includes(c.step));
}

const isStepClock = (c: ClockRecord) => c.kind === 'step';

function executorOf(a: Assignment): Responsible {
  return { role: 'executor', personId: a.executorId, departmentId: a.departmentId };
}

/** Assignments after (re)routing: in sequential mode only the first department has the message yet. */
function assign(mode: RouteMode, assignments: readonly Assignment[], at: Instant): AssignmentState[] {
  return assignments.map((a, i) => ({
    departmentId: a.departmentId,
    executorId: a.executorId,
    receivedAt: mode !== 'sequential' || i === 0 ? at : null,
    contributedAt: null,
  }));
}

/** Clocks opened when departments receive the message: contribution clocks for a chain, the draft clock. */
function routingClocks(s: CaseState, version: number, at: Instant): ClockRecord[] {
  const opened: ClockRecord[] = [];
  if (s.mode === 'sequential' || s.mode === 'parallel') {
    for (const a of s.assignments) {
      if (a.receivedAt === at) opened.push(clock('contribution', 'step', version, at, executorOf(a), a.departmentId));
    }
  }
  opened.push(clock('draft', 'step', version, at, composerResponsible(s)));
  return opened;
}

/** The overall clock follows whoever must produce the answer now. */
function retargetOverall(clocks: readonly ClockRecord[], responsible: Responsible): ClockRecord[] {
  return clocks.map((c) => (c.closedAt === null && c.kind === 'overall' ? { ...c, responsible } : c));
}

function close(s: CaseState, at: Instant, ending: NonNullable<CaseState['ending']>): CaseState {
  return { ...s, status: 'closed', ending, closedAt: at, clocks: closeClocks(s.clocks, at) };
}

export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const v = state.version + 1;
  const s: CaseState = { ...state, version: v };
  const at = event.at;
  switch (event.type) {
    case 'case-registered': {
      if (state.status !== 'none') return s;
      return {
        ...s,
        caseId: event.caseId,
        profileId: event.profileId,
        overallStep: event.overallStep,
        triageEndsAt: event.triageEndsAt,
        status: 'detected',
        message: {
          network: event.network,
          link: event.link,
          author: event.author,
          text: event.text,
          attachments: event.attachments,
          visibility: event.visibility,
          ...(event.externalId === undefined ? {} : { externalId: event.externalId }),
        },
        detectedAt: at,
        postedAt: event.postedAt ?? null,
        clocks: [clock('triage', 'step', v, at, OPERATOR), clock(event.overallStep, 'overall', v, at, OPERATOR)],
      };
    }
    case 'case-triaged': {
      const triaged: CaseState = {
        ...s,
        status: 'triaged',
        triagedAt: at,
        topic: event.topic,
        location: event.location,
        category: event.category,
        clocks: retargetOverall(s.clocks, CURATOR),
      };
      const extra =
        // krasnoufimsk p.8: a fast-track case must be resolved within 8 days; the clock exists only if the profile has it.
        event.category === 'fast-track'
          ? [clock('fast-track', 'step', v, at, { role: 'executor', personId: null, departmentId: null })]
          : [];
      const clocks = s.triageEndsAt === 'triaged' ? closeSteps(triaged.clocks, at, 'triage') : triaged.clocks;
      return { ...triaged, clocks: [...clocks, ...extra] };
    }
    case 'case-rejected':
      return { ...close(s, at, 'rejected'), rejectionGround: event.ground };
    case 'case-routed': {
      const routed: CaseState = {
        ...s,
        status: 'assigned',
        mode: event.mode,
        assignments: assign(event.mode, event.assignments, at),
        routedAt: at,
        contributions: [],
        draft: null,
        clocks: closeSteps(s.clocks, at, 'triage', 'reroute'),
      };
      const clocks = retargetOverall(routed.clocks, composerResponsible(routed));
      return { ...routed, clocks: [...clocks, ...routingClocks(routed, v, at)] };
    }
    case 'case-returned': {
      const clocks = closeClocks(s.clocks, at, (c) => isStepClock(c) && c.step !== 'fast-track');
      return {
        ...s,
        status: 'returned',
        returnedAt: at,
        returns: [...s.returns, { departmentId: event.departmentId, by: event.by, reason: event.reason, at }],
        clocks: [...retargetOverall(clocks, CURATOR), clock('reroute', 'step', v, at, CURATOR)],
      };
    }
    case 'contribution-submitted': {
      const i = s.assignments.findIndex((a) => a.departmentId === event.departmentId && a.contributedAt === null);
      if (i < 0) return s;
      const assignments = s.assignments.map((a, j) => {
        if (j === i) return { ...a, contributedAt: at };
        // konyshevsky p.16, NAO p.22: the next executor of a sequential chain receives the message and all parts.
        if (s.mode === 'sequential' && j === i + 1) return { ...a, receivedAt: at };
        return a;
      });
      const clocks = closeClocks(
        s.clocks,
        at,
        (c) => isStepClock(c) && c.step === 'contribution' && c.id.endsWith(`:${event.departmentId}`),
      );
      const next = s.mode === 'sequential' ? assignments[i + 1] : undefined;
      return {
        ...s,
        assignments,
        contributions: [
          ...s.contributions,
          { departmentId: event.departmentId, by: event.by, text: event.text, attachments: event.attachments, at },
        ],
        clocks: next ? [...clocks, clock('contribution', 'step', v, at, executorOf(next), next.departmentId)] : clocks,
      };
    }
    case 'draft-submitted': {
      const clocks = closeSteps(s.clocks, at, 'draft', 'revise', 'contribution');
      return {
        ...s,
        status: 'draft-review',
        draft: {
          kind: event.kind,
          text: event.text,
          attachments: event.attachments,
          ...(event.evidence ? { evidence: event.evidence } : {}),
          by: event.by,
          submittedAt: at,
          composed: event.composed,
        },
        clocks: [...clocks, clock('approve', 'step', v, at, CURATOR)],
      };
    }
    case 'draft-approved': {
      const publisher = event.publisher === 'curator' ? CURATOR : composerResponsible(s);
      return {
        ...s,
        status: 'approved',
        approvedAt: at,
        publisher: event.publisher,
        clocks: [...closeSteps(s.clocks, at, 'approve'), clock('publish', 'step', v, at, publisher)],
      };
    }
    case 'revision-requested': {
      const author = composerResponsible(s);
      return {
        ...s,
        status: 'revision',
        revisionRequestedAt: at,
        revisions: [...s.revisions, { reason: event.reason, by: event.by, at }],
        clocks: [...closeSteps(s.clocks, at, 'approve'), clock('revise', 'step', v, at, author)],
      };
    }
    case 'answer-published': {
      const publications = [...s.publications, { kind: event.kind, where: event.where, by: event.by, at }];
      if (event.kind === 'answer') return { ...close(s, at, 'answered'), publications, pendingPublication: null };
      // A clarification request goes to the author; the executor keeps working on the answer, the clock runs on.
      const clocks = closeSteps(s.clocks, at, 'publish');
      return {
        ...s,
        status: 'assigned',
        draft: null,
        publications,
        pendingPublication: null,
        // In the final stage the final deadline alone bounds the new draft.
        clocks: s.stage === 'answer' ? [...clocks, clock('draft', 'step', v, at, composerResponsible(s))] : clocks,
      };
    }
    case 'intermediate-published': {
      const clocks = closeClocks(s.clocks, at, (c) => !(c.kind === 'step' && c.step === 'fast-track'));
      return {
        ...s,
        status: 'assigned',
        stage: 'final',
        draft: null,
        intermediatePublishedAt: at,
        pendingPublication: null,
        publications: [...s.publications, { kind: 'intermediate', where: event.where, by: event.by, at }],
        clocks: [...clocks, clock('final', 'overall', v, at, composerResponsible(s))],
      };
    }
    case 'explanation-sent':
      return close(s, at, 'explained');
    case 'linked-to-published':
      return close(s, at, 'linked');
    case 'converted-to-appeal':
      return {
        ...close(s, at, 'converted'),
        appeal: {
          fullName: event.fullName,
          address: event.address,
          phone: event.phone,
          registrationNumber: event.registrationNumber,
        },
      };
    case 'repeat-linked':
      return { ...s, repeatOf: [...new Set([...s.repeatOf, ...event.earlierCaseIds])] };
    case 'flagged-socially-significant':
      return { ...s, sociallySignificant: true };
    case 'deadline-shortened':
      return {
        ...s,
        shortenedDeadlines: { ...s.shortenedDeadlines, [event.step]: { clockId: event.clockId, dueAt: event.dueAt } },
      };
    case 'executor-reassigned': {
      const swap = (r: Responsible): Responsible =>
        r.departmentId === event.departmentId && r.personId === event.fromPersonId
          ? { ...r, personId: event.toPersonId }
          : r;
      return {
        ...s,
        assignments: s.assignments.map((a) =>
          a.departmentId === event.departmentId ? { ...a, executorId: event.toPersonId } : a,
        ),
        clocks: s.clocks.map((c) => (c.closedAt === null ? { ...c, responsible: swap(c.responsible) } : c)),
      };
    }
    case 'clock-at-risk':
      return {
        ...s,
        clocks: s.clocks.map((c) =>
          c.id === event.clockId && c.atRiskAt === null ? { ...c, atRiskAt: at, dueAt: event.dueAt } : c,
        ),
      };
    case 'clock-breached':
      return {
        ...s,
        clocks: s.clocks.map((c) =>
          c.id === event.clockId && c.breachedAt === null ? { ...c, breachedAt: at, dueAt: event.dueAt } : c,
        ),
      };
    case 'publication-requested':
      return {
        ...s,
        pendingPublication: {
          requestId: event.requestId,
          kind: event.kind,
          requestedBy: event.by,
          requestedAt: at,
          failure: null,
        },
      };
    case 'publication-failed': {
      const pending = s.pendingPublication;
      if (!pending || pending.requestId !== event.requestId) return s;
      return {
        ...s,
        pendingPublication: { ...pending, failure: { ...event.error, at, retrying: event.retrying } },
      };
    }
    case 'message-edited':
      return s.message
        ? { ...s, message: { ...s.message, text: event.text }, messageEditedAt: event.editedAt ?? at }
        : s;
    case 'message-deleted':
      return { ...s, messageDeletedAt: event.deletedAt ?? at };
    default: {
      // Exhaustive: a new event type is a compile error here; an unknown one at run time changes only the version.
      const unknown: never = event;
      void unknown;
      return s;
    }
  }
}

export function replay(events: readonly CaseEvent[], from: CaseState = initialState): CaseState {
  return events.reduce(evolve, from);
}

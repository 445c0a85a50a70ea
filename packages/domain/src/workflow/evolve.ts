// Folds one event into a case's state: pure and total (an event that does not fit the state changes nothing it
// cannot). It opens and closes the clock records of the model pinned at registration (REGULATIONS.md "Clocks
// exactly") and keeps the custody timeline: who held the case from when. Older events (before the clock model) fold
// too: their registration gets the clock model of its preset.
import type { Instant } from '../calendar/types';
import { pinModel } from '../profiles/pin';
import { PRESETS } from '../profiles/presets';
import type { Category, StepId } from '../profiles/schema';
import type { Assignment, RouteMode } from './commands';
import type { CaseEvent, CaseRegistered, Classification } from './events';
import { caseHolders, clockHolders, sameHolders } from './holders';
import { CURATOR, composerOf, composerResponsible, executorOf, initialState, OPERATOR } from './state';
import type { AssignmentState, CaseState, ClockRecord, PinnedModel, Responsible } from './types';

/** Case-wide clocks (the board's overall deadline). */
const OVERALL: ReadonlySet<StepId> = new Set<StepId>(['answer', 'final', 'explain']);

function newClock(
  s: CaseState,
  step: StepId,
  version: number,
  startedAt: Instant,
  responsible: Responsible,
  key = '',
  notBefore: Instant | null = null,
): ClockRecord[] {
  const spec = s.model[step];
  if (!spec) return [];
  return [
    {
      id: `${step}@${version}${key ? `:${key}` : ''}`,
      step,
      kind: OVERALL.has(step) ? 'overall' : 'step',
      startedAt,
      responsible,
      holder: spec.holder,
      closedAt: null,
      closedAs: null,
      atRiskAt: null,
      breachedAt: null,
      breachAt: null,
      breachHolders: null,
      dueAt: null,
      notBefore,
      runs: step === 'department-total' ? [{ from: startedAt, to: null }] : null,
    },
  ];
}

const keyOf = (c: ClockRecord) => (c.id.includes(':') ? c.id.slice(c.id.indexOf(':') + 1) : '');
const isOpen = (c: ClockRecord) => c.closedAt === null;

/** Closes the open clocks `which` selects; `stopped` says which of them ended by their own stop event. */
function closeClocks(
  clocks: readonly ClockRecord[],
  at: Instant,
  which: (c: ClockRecord) => boolean,
  stopped: (c: ClockRecord) => boolean = () => true,
): ClockRecord[] {
  return clocks.map((c) => {
    if (!isOpen(c) || !which(c)) return c;
    const runs = c.runs?.map((r) => (r.to === null ? { ...r, to: at } : r)) ?? null;
    return { ...c, closedAt: at, closedAs: stopped(c) ? 'stopped' : 'cancelled', runs };
  });
}

/** Closes open clocks of the given steps as stopped (or cancelled). */
const closeSteps = (clocks: readonly ClockRecord[], at: Instant, steps: StepId[], as: 'stopped' | 'cancelled') =>
  closeClocks(
    clocks,
    at,
    (c) => steps.includes(c.step),
    () => as === 'stopped',
  );

/** A department's own clocks (its part, its total time), closed when it leaves the case. */
const ownedBy = (departmentId: string) => (c: ClockRecord) =>
  keyOf(c) === departmentId && (c.step === 'contribution' || c.step === 'department-total');

function pauseRuns(clocks: readonly ClockRecord[], at: Instant, departmentId: string | null): ClockRecord[] {
  return clocks.map((c) =>
    isOpen(c) && c.runs && (departmentId === null || keyOf(c) === departmentId)
      ? { ...c, runs: c.runs.map((r) => (r.to === null ? { ...r, to: at } : r)) }
      : c,
  );
}

function resumeRuns(clocks: readonly ClockRecord[], at: Instant, departmentId: string | null): ClockRecord[] {
  return clocks.map((c) =>
    isOpen(c) && c.runs && (departmentId === null || keyOf(c) === departmentId) && c.runs.every((r) => r.to !== null)
      ? { ...c, runs: [...c.runs, { from: at, to: null }] }
      : c,
  );
}

/** The model of a registration made before the clock model was pinned in events: its preset's, or for a custom
 *  profile the common model with the triage end it pinned. */
function legacyModel(event: CaseRegistered): PinnedModel {
  const preset = PRESETS[event.profileId];
  if (preset) return pinModel(preset);
  return {
    triage: { start: 'detected', stop: event.triageEndsAt ?? 'routed', holder: 'operator' },
    return: { start: 'received', stop: 'returned', holder: 'executor' },
    reroute: { start: 'returned', stop: 'routed', holder: 'curator' },
    contribution: { start: 'received', stop: 'part-sent', holder: 'executor' },
    draft: { start: 'received', stop: 'draft-sent', holder: 'composer' },
    approve: { start: 'draft-submitted', stop: 'approved', holder: 'curator' },
    revise: { start: 'revision-requested', stop: 'draft-sent', holder: 'composer' },
    publish: { start: 'approved', stop: 'published', holder: 'publisher' },
    answer: { start: 'detected', stop: 'published', holder: 'case' },
    final: { start: 'intermediate-published', stop: 'final-draft-sent', holder: 'composer' },
    'fast-track': { start: 'detected', stop: 'answered', holder: 'case' },
  };
}

/** A classification as the state keeps it: 'high' (older events) is an ordinary message of high importance. */
function classify(c: Partial<Classification> | undefined): { category: Category | null; high: boolean } {
  if (!c) return { category: null, high: false };
  if (c.category === 'high') return { category: 'ordinary', high: true };
  return { category: c.category ?? null, high: c.high ?? false };
}

/** The case's classification fields as a triage or a recategorisation records them. */
function classifiedFields(event: Classification) {
  return {
    topic: event.topic,
    topicId: event.topicId ?? null,
    topicListed: event.topicListed ?? false,
    location: event.location,
    ...classify(event),
  };
}

/** The instant a clock of the pinned model starts at, for the detection-time clocks. */
function startInstant(s: CaseState, start: string | undefined): Instant {
  const detected = s.detectedAt ?? 0;
  return start === 'posted' ? Math.min(s.postedAt ?? detected, detected) : detected;
}

/** Opens or closes the fast-track clock to match the category (krasnoufimsk p.8: 8 days from detection). */
function fastTrack(s: CaseState, version: number, at: Instant, category: Category | null): ClockRecord[] {
  const running = s.clocks.some((c) => isOpen(c) && c.step === 'fast-track');
  if (category === 'fast-track' && !running) {
    return [...s.clocks, ...newClock(s, 'fast-track', version, startInstant(s, 'detected'), CURATOR)];
  }
  if (category !== 'fast-track' && running) return closeSteps(s.clocks, at, ['fast-track'], 'cancelled');
  return [...s.clocks];
}

/** Clocks a department opens when it receives the case: its part in a chain, its total time, and the composer's
 *  draft when the draft counts from receipt. */
function receiptClocks(s: CaseState, a: AssignmentState, version: number, at: Instant): ClockRecord[] {
  const opened: ClockRecord[] = [];
  const resp = executorOf(a);
  if (s.mode === 'sequential' || s.mode === 'parallel') {
    opened.push(...newClock(s, 'contribution', version, at, resp, a.departmentId));
  }
  opened.push(...newClock(s, 'department-total', version, at, resp, a.departmentId));
  const composer = composerOf(s);
  const draftRunning = s.clocks.some((c) => isOpen(c) && c.step === 'draft');
  if (composer === a && s.model.draft?.start === 'received' && !draftRunning && s.stage === 'answer') {
    opened.push(...newClock(s, 'draft', version, at, resp));
  }
  return opened;
}

/** The first routing, a re-routing after a return, or a move: the new order of departments. Departments that stay
 *  keep what they have (their receipt, their part, their clocks); the ones that leave lose their clocks; those that
 *  are next receive the case now (all of a parallel set; the first without a part in a chain). */
function routeTo(
  s: CaseState,
  version: number,
  at: Instant,
  mode: RouteMode,
  list: readonly Assignment[],
  forwarded: boolean,
): CaseState {
  const before = composerOf(s);
  let assignments: AssignmentState[] = list.map((a) => {
    const kept = s.assignments.find((x) => x.departmentId === a.departmentId);
    return kept
      ? { ...kept, executorId: a.executorId }
      : { departmentId: a.departmentId, executorId: a.executorId, receivedAt: null, contributedAt: null };
  });
  const receiving = new Set<string>();
  if (mode === 'sequential') {
    const first = assignments.find((a) => a.contributedAt === null);
    if (first && first.receivedAt === null) receiving.add(first.departmentId);
  } else {
    for (const a of assignments) if (a.receivedAt === null) receiving.add(a.departmentId);
  }
  assignments = assignments.map((a) => (receiving.has(a.departmentId) ? { ...a, receivedAt: at } : a));
  const leaving = s.assignments.filter((a) => !list.some((x) => x.departmentId === a.departmentId));
  let clocks = closeClocks(
    s.clocks,
    at,
    (c) => leaving.some((a) => ownedBy(a.departmentId)(c)),
    () => false,
  );
  const routed: CaseState = { ...s, mode, forwarded, assignments, routedAt: at, clocks };
  const after = composerOf(routed);
  const composerChanged = (before?.departmentId ?? null) !== (after?.departmentId ?? null) || s.mode !== mode;
  let status = routed.status;
  let draft = routed.draft;
  if (composerChanged && s.assignments.length > 0) {
    // The answer being prepared belonged to the composer who leaves: its clocks end, the new composer starts.
    clocks = closeClocks(
      clocks,
      at,
      (c) =>
        c.step === 'approve' ||
        c.step === 'revise' ||
        c.step === 'publish' ||
        (c.step === 'draft' && s.model.draft?.start === 'received'),
      () => false,
    );
    if (status === 'draft-review' || status === 'revision' || status === 'approved') {
      status = 'assigned';
      draft = null;
    }
  }
  const next: CaseState = { ...routed, clocks, status, draft };
  const opened = assignments
    .filter((a) => receiving.has(a.departmentId))
    .flatMap((a) => receiptClocks({ ...next, clocks }, a, version, at));
  if (
    mode === 'parallel' &&
    s.model.draft?.start === 'received' &&
    !clocks.some((c) => isOpen(c) && c.step === 'draft')
  ) {
    opened.push(...newClock(next, 'draft', version, at, CURATOR));
  }
  return { ...next, clocks: [...clocks, ...opened] };
}

/** Ends the case: every open clock closes; those whose stop event this is are stopped, the rest cancelled. */
function close(
  s: CaseState,
  at: Instant,
  ending: NonNullable<CaseState['ending']>,
  stops: readonly StepId[],
): CaseState {
  return {
    ...s,
    status: 'closed',
    ending,
    closedAt: at,
    clocks: closeClocks(
      s.clocks,
      at,
      () => true,
      (c) => stops.includes(c.step),
    ),
  };
}

function apply(state: CaseState, event: CaseEvent): CaseState {
  const v = state.version + 1;
  const s: CaseState = { ...state, version: v };
  const at = event.at;
  switch (event.type) {
    case 'case-registered': {
      if (state.status !== 'none') return s;
      const model = event.clocks ?? legacyModel(event);
      const { category, high } = classify(event.classification);
      const registered: CaseState = {
        ...s,
        caseId: event.caseId,
        profileId: event.profileId,
        model,
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
        topic: event.classification?.topic ?? null,
        topicId: event.classification?.topicId ?? null,
        topicListed: event.classification?.topicListed ?? false,
        location: event.classification?.location ?? null,
        category,
        high,
      };
      const triageHolder = model.triage?.holder === 'curator' ? CURATOR : OPERATOR;
      const clocks = [
        ...newClock(registered, 'triage', v, startInstant(registered, model.triage?.start), triageHolder),
        ...newClock(registered, 'answer', v, startInstant(registered, model.answer?.start), CURATOR),
        ...(model.draft && model.draft.start !== 'received'
          ? newClock(registered, 'draft', v, startInstant(registered, model.draft.start), CURATOR)
          : []),
      ];
      const withClocks = { ...registered, clocks };
      const from = Math.min(
        startInstant(registered, model.answer?.start),
        startInstant(registered, model.triage?.start),
      );
      return {
        ...withClocks,
        clocks: fastTrack(withClocks, v, at, category),
        custody: [{ from, holders: [triageHolder] }],
      };
    }
    case 'case-triaged': {
      const triaged: CaseState = {
        ...s,
        status: s.status === 'detected' ? 'triaged' : s.status,
        triagedAt: at,
        ...classifiedFields(event),
        // The classification sets the limits: a deadline it puts in the past is breached from now, not before.
        clocks: s.clocks.map((c) => (isOpen(c) ? { ...c, notBefore: at } : c)),
      };
      const clocks =
        s.model.triage?.stop === 'triaged' ? closeSteps(triaged.clocks, at, ['triage'], 'stopped') : triaged.clocks;
      const next = { ...triaged, clocks };
      return { ...next, clocks: fastTrack(next, v, at, next.category) };
    }
    case 'case-rejected':
      return { ...close(s, at, 'rejected', ['triage', 'answer']), rejectionGround: event.ground };
    case 'case-routed': {
      const clocks = closeSteps(s.clocks, at, ['triage', 'reroute'], 'stopped');
      const forwarded = event.mode === 'sequential' && (event.forwarded ?? false);
      const routed = routeTo({ ...s, clocks }, v, at, event.mode, event.assignments, forwarded);
      return { ...routed, status: 'assigned', routedBy: event.by };
    }
    case 'case-moved': {
      const wasReturned = s.status === 'returned';
      const clocks = wasReturned ? closeSteps(s.clocks, at, ['reroute'], 'stopped') : s.clocks;
      const forwarded = event.mode === 'sequential' && event.forwarded;
      const moved = routeTo({ ...s, clocks }, v, at, event.mode, event.assignments, forwarded);
      return {
        ...moved,
        routedBy: event.by,
        status: wasReturned ? 'assigned' : moved.status,
        corrections: [...s.corrections, { kind: 'move', reason: event.reason, by: event.by, at }],
      };
    }
    case 'case-returned': {
      const a = s.assignments.find((x) => x.departmentId === event.departmentId);
      if (!a) return s;
      const wasComposer = composerOf(s) === a;
      let clocks = closeClocks(
        s.clocks,
        at,
        (c) =>
          ownedBy(a.departmentId)(c) ||
          (wasComposer && (c.step === 'revise' || (c.step === 'draft' && s.model.draft?.start === 'received'))),
        () => false,
      );
      const receivedAt = event.late?.receivedAt ?? a.receivedAt ?? s.routedAt ?? at;
      const window = newClock(s, 'return', v, receivedAt, executorOf(a), a.departmentId).map(
        (c): ClockRecord => ({
          ...c,
          closedAt: at,
          closedAs: 'stopped',
          // konyshevsky p.8, krasnoufimsk p.11, NAO p.15: a return after the window is recorded, never refused.
          ...(event.late
            ? { dueAt: event.late.dueAt, breachedAt: at, breachAt: at, breachHolders: [executorOf(a)] }
            : {}),
        }),
      );
      clocks = [...clocks, ...window, ...newClock(s, 'reroute', v, at, CURATOR)];
      return {
        ...s,
        status: 'returned',
        returnedAt: at,
        assignments: s.assignments.filter((x) => x !== a),
        returns: [...s.returns, { departmentId: event.departmentId, by: event.by, reason: event.reason, at }],
        clocks,
      };
    }
    case 'case-forwarded': {
      const i = s.assignments.findIndex((a) => a.departmentId === event.departmentId && a.receivedAt === null);
      if (i < 0) return s;
      const assignments = s.assignments.map((a, j) => (j === i ? { ...a, receivedAt: at } : a));
      const next = { ...s, assignments };
      return { ...next, clocks: [...s.clocks, ...receiptClocks(next, assignments[i]!, v, at)] };
    }
    case 'contribution-submitted': {
      const i = s.assignments.findIndex((a) => a.departmentId === event.departmentId && a.contributedAt === null);
      if (i < 0) return s;
      // Legacy chains (no curator forwarding): the next executor receives the message with the part.
      const handOff = s.mode === 'sequential' && !s.forwarded;
      const assignments = s.assignments.map((a, j) => {
        if (j === i) return { ...a, contributedAt: at };
        if (handOff && j === i + 1 && a.receivedAt === null) return { ...a, receivedAt: at };
        return a;
      });
      const clocks = closeClocks(s.clocks, at, (c) => c.step === 'contribution' && keyOf(c) === event.departmentId);
      const next: CaseState = {
        ...s,
        assignments,
        contributions: [
          ...s.contributions,
          { departmentId: event.departmentId, by: event.by, text: event.text, attachments: event.attachments, at },
        ],
        clocks,
      };
      const receiver = handOff ? assignments[i + 1] : undefined;
      return receiver && receiver.receivedAt === at
        ? { ...next, clocks: [...clocks, ...receiptClocks(next, receiver, v, at)] }
        : next;
    }
    case 'draft-submitted': {
      const composer = composerOf(s);
      let clocks = closeSteps(s.clocks, at, ['draft', 'revise', 'contribution'], 'stopped');
      clocks = pauseRuns(clocks, at, composer?.departmentId ?? null);
      if (s.stage === 'final' && s.model.final?.stop === 'final-draft-sent' && event.kind !== 'clarification') {
        clocks = closeSteps(clocks, at, ['final'], 'stopped');
      }
      if (event.kind === 'explanation') {
        // idrinsky 3.7: the explanation replaces the answer; its own clock counts from posting.
        const explaining = { ...s, clocks };
        clocks = [
          ...closeSteps(clocks, at, ['answer'], 'cancelled'),
          // Opened now but counted from posting: if that term is already over, the breach is from now.
          ...newClock(explaining, 'explain', v, startInstant(s, s.model.explain?.start), CURATOR, '', at),
        ];
      }
      return {
        ...s,
        status: 'draft-review',
        draft: {
          kind: event.kind,
          text: event.text,
          attachments: event.attachments,
          ...(event.evidence ? { evidence: event.evidence } : {}),
          ...(event.explanationReason ? { explanationReason: event.explanationReason } : {}),
          by: event.by,
          submittedAt: at,
          composed: event.composed,
        },
        clocks: [...clocks, ...newClock(s, 'approve', v, at, CURATOR)],
      };
    }
    case 'draft-approved': {
      const publisher = event.publisher === 'curator' ? CURATOR : composerResponsible(s);
      const clocks = closeSteps(s.clocks, at, ['approve', 'department-total'], 'stopped');
      return {
        ...s,
        status: 'approved',
        approvedAt: at,
        publisher: event.publisher,
        clocks: [...clocks, ...newClock(s, 'publish', v, at, publisher)],
      };
    }
    case 'revision-requested': {
      const composer = composerOf(s);
      const clocks = resumeRuns(closeSteps(s.clocks, at, ['approve'], 'stopped'), at, composer?.departmentId ?? null);
      return {
        ...s,
        status: 'revision',
        revisionRequestedAt: at,
        revisions: [...s.revisions, { reason: event.reason, by: event.by, at }],
        clocks: [...clocks, ...newClock(s, 'revise', v, at, composerResponsible(s))],
      };
    }
    case 'answer-published': {
      const publications = [...s.publications, { kind: event.kind, where: event.where, by: event.by, at }];
      if (event.kind === 'answer') {
        return {
          ...close(s, at, 'answered', ['publish', 'answer', 'final', 'fast-track']),
          publications,
          pendingPublication: null,
        };
      }
      // A clarification request goes to the author; the executor keeps working on the answer, the clock runs on.
      const clocks = closeSteps(s.clocks, at, ['publish'], 'stopped');
      const next: CaseState = { ...s, status: 'assigned', draft: null, publications, clocks };
      const composer = composerOf(next);
      // In the final stage the final deadline alone bounds the new draft.
      const redraft = s.stage === 'answer' ? newClock(next, 'draft', v, at, composerResponsible(next), '', at) : [];
      return {
        ...next,
        pendingPublication: null,
        clocks: [...resumeRuns(clocks, at, composer?.departmentId ?? null), ...redraft],
      };
    }
    case 'intermediate-published': {
      let clocks = closeSteps(s.clocks, at, ['answer', 'publish'], 'stopped');
      clocks = closeSteps(clocks, at, ['draft', 'revise', 'approve', 'explain'], 'cancelled');
      const next: CaseState = {
        ...s,
        status: 'assigned',
        stage: 'final',
        draft: null,
        intermediatePublishedAt: at,
        pendingPublication: null,
        publications: [...s.publications, { kind: 'intermediate', where: event.where, by: event.by, at }],
        clocks,
      };
      const holder = s.model.final?.holder === 'curator' ? CURATOR : composerResponsible(s);
      return { ...next, clocks: [...clocks, ...newClock(next, 'final', v, at, holder)] };
    }
    case 'explanation-sent':
      return close(s, at, 'explained', ['explain', 'answer', 'final', 'publish']);
    case 'linked-to-published':
      return close(s, at, 'linked', ['answer', 'final']);
    case 'converted-to-appeal':
      return {
        ...close(s, at, 'converted', ['answer', 'final']),
        appeal: {
          fullName: event.fullName,
          address: event.address,
          phone: event.phone,
          registrationNumber: event.registrationNumber,
        },
      };
    case 'case-recategorised': {
      const next: CaseState = {
        ...s,
        ...classifiedFields(event),
        corrections: [...s.corrections, { kind: 'recategorise', reason: event.reason, by: event.by, at }],
        // Deadlines are recomputed from their original start events; one that is now in the past is breached from
        // this moment, never retroactively.
        clocks: s.clocks.map((c) => (isOpen(c) ? { ...c, notBefore: at } : c)),
      };
      return { ...next, clocks: fastTrack(next, v, at, next.category) };
    }
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
          c.id === event.clockId && c.breachedAt === null
            ? {
                ...c,
                breachedAt: at,
                dueAt: event.dueAt,
                breachAt: event.breachAt ?? Math.min(at, Math.max(event.dueAt, c.notBefore ?? event.dueAt)),
                // Older events did not say: the state before the event does.
                breachHolders: event.holders ?? clockHolders(s, c),
              }
            : c,
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

/** Appends a custody entry when the event changed who holds the case. */
function withCustody(next: CaseState, at: Instant): CaseState {
  if (next.status === 'none' || next.custody.length === 0) return next;
  const holders = caseHolders(next);
  const last = next.custody[next.custody.length - 1];
  if (last && sameHolders(last.holders, holders)) return next;
  return { ...next, custody: [...next.custody, { from: Math.max(at, last?.from ?? at), holders }] };
}

export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const next = apply(state, event);
  return next === state ? next : withCustody(next, event.at);
}

export function replay(events: readonly CaseEvent[], from: CaseState = initialState): CaseState {
  return events.reduce(evolve, from);
}

// Keeps the detail of each open case workspace current: one read when it opens (and after a missed change), then
// every live change of the case applied where it arrives (api/case-detail.ts), without a request. Subscribe first,
// then read: the room's join reply names the case's version, and a detail older than it is read again.
import type { CaseDetailChange } from '@otklik/contract';
import { applyDetailChange, type DetailRules } from '../api/case-detail';
import { loadCaseDetail } from '../api/cases';
import { directoryNames } from '../api/names';
import { profileFor } from '../api/profiles';
import type { CaseDetail } from '../api/types';
import { useCaseDetails } from '../stores/case-details';
import { useClock } from '../stores/clock';
import { useDirectory } from '../stores/directory';
import { useSession } from '../stores/session';

/** Events after which the case's channel panel (publication attempts, kept in the server's outbox) reads again. */
const CHANNEL_EVENTS = new Set([
  'publication-requested',
  'publication-failed',
  'answer-published',
  'intermediate-published',
  'message-edited',
  'message-deleted',
]);

function rulesFor(detail: CaseDetail): DetailRules {
  const user = useSession.getState().user;
  return {
    profile: profileFor(detail.profileId),
    calendar: useDirectory.getState().calendars.get(detail.organisationId),
    actor: user
      ? { personId: user.id, roles: user.roles, departmentIds: user.departmentIds, substituteFor: user.substituteFor }
      : null,
    names: directoryNames(),
    now: Date.now() + useClock.getState().offsetMs,
  };
}

/** Applies changes in version order; stops where the detail cannot follow (then it must be read again). */
function applyInOrder(detail: CaseDetail, changes: readonly CaseDetailChange[]) {
  let current = detail;
  let channel = false;
  for (const change of [...changes].sort((a, b) => a.version - b.version)) {
    const step = applyDetailChange(current, change, rulesFor(current));
    if (step.kind === 'reload') return { detail: current, reload: true, channel };
    if (step.kind === 'applied') {
      current = step.detail;
      channel ||= change.entries.some((e) => CHANNEL_EVENTS.has(e.type));
    }
  }
  return { detail: current, reload: false, channel };
}

/** A live change of a case (realtime `case:detail`): applied to its open workspace, or kept while it is read. */
export function receiveDetailChange(change: CaseDetailChange): void {
  const store = useCaseDetails.getState();
  const entry = store.byId.get(change.caseId);
  if (!entry) return;
  if (entry.loading || !entry.detail) {
    store.update(change.caseId, (e) => ({ ...e, pending: [...e.pending, change] }));
    return;
  }
  const result = applyInOrder(entry.detail, [change]);
  store.update(change.caseId, (e) => ({
    ...e,
    detail: result.detail,
    channelMark: e.channelMark + (result.channel ? 1 : 0),
  }));
  if (result.reload) void readCaseDetail(change.caseId);
}

/** The room of the case was joined (again, after a reconnect): a detail older than `version` missed a change. */
export function joinedCaseRoom(caseId: string, version: number): void {
  const store = useCaseDetails.getState();
  store.update(caseId, (e) => ({ ...e, joinedVersion: version }));
  const entry = store.byId.get(caseId);
  if (entry?.detail && !entry.loading && entry.detail.version < version) void readCaseDetail(caseId);
}

const reading = new Map<string, Promise<void>>();

/** Reads the detail of an open case (one read at a time per case), then applies the changes that came meanwhile. */
export function readCaseDetail(caseId: string): Promise<void> {
  const inFlight = reading.get(caseId);
  if (inFlight) return inFlight;
  const store = useCaseDetails.getState();
  store.update(caseId, (e) => ({ ...e, loading: true, error: null }));
  const run = loadCaseDetail(caseId)
    .then(
      (loaded) => {
        let again = false;
        store.update(caseId, (e) => {
          const base = e.detail && e.detail.version > loaded.version ? e.detail : loaded;
          const result = applyInOrder(base, e.pending);
          again = result.reload || result.detail.version < e.joinedVersion;
          return {
            ...e,
            detail: result.detail,
            loading: false,
            pending: [],
            // A read after the first may follow publication attempts the live changes did not bring.
            channelMark: e.channelMark + (e.detail !== null || result.channel ? 1 : 0),
          };
        });
        return again;
      },
      (error: unknown) => {
        store.update(caseId, (e) => ({ ...e, loading: false, error }));
        return false;
      },
    )
    .then((again) => {
      reading.delete(caseId);
      if (again) void readCaseDetail(caseId);
    });
  reading.set(caseId, run);
  return run;
}

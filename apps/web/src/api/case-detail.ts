// A case workspace's detail kept current from live changes: each change of the case carries its timeline entries
// and the state after it (realtime `case:detail`); clocks and actions are derived here from that state with the
// domain, exactly as the server derives them for the detail it sends. Pure: the caller passes the rules and `now`.
import type { CaseDetailChange, TimelineEntryMessage } from '@otklik/contract';
import { type Actor, caseActions, computeClocks, type Profile, type WorkingCalendar } from '@otklik/domain';
import { type NameLookup, toClockViews } from './adapters';
import type { CaseDetail, TimelineEntry } from './types';

/** One line of the timeline, from the server's entry (the detail's and a live change's are the same shape). */
export function toTimelineEntry(m: TimelineEntryMessage): TimelineEntry {
  return { seq: m.seq, type: m.type, at: m.occurredAt, actorName: m.actorName, payload: m.payload };
}

/** What deriving a detail needs besides the state: the case's profile and calendar, who looks, and the time. */
export interface DetailRules {
  readonly profile: Profile | undefined;
  readonly calendar: WorkingCalendar | undefined;
  readonly actor: Actor | null;
  readonly names: NameLookup;
  /** Server time, epoch ms. */
  readonly now: number;
}

export type DetailStep =
  /** The change is in the detail now. */
  | { readonly kind: 'applied'; readonly detail: CaseDetail }
  /** The detail already holds it (a reload read it, or it arrived twice). */
  | { readonly kind: 'held' }
  /** The detail cannot follow from here: a change before this one was missed, or what the change needs (the
   *  linked earlier cases, the rules) is not at hand. Read the detail again, once. */
  | { readonly kind: 'reload'; readonly reason: 'gap' | 'earlier-cases' | 'rules' };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Applies one live change of the case to the detail the workspace holds. */
export function applyDetailChange(detail: CaseDetail, change: CaseDetailChange, rules: DetailRules): DetailStep {
  if (change.caseId !== detail.id || change.version <= detail.version) return { kind: 'held' };
  // Entries a reload already read are skipped; the first new one must follow the detail's version.
  const fresh = change.entries.filter((e) => e.version > detail.version);
  if (fresh[0]?.version !== detail.version + 1) return { kind: 'reload', reason: 'gap' };
  const { state } = change;
  // The linked earlier cases are other cases' rows (number, status, excerpt) the change does not carry.
  if (!sameList(state.repeatOf, detail.state.repeatOf)) return { kind: 'reload', reason: 'earlier-cases' };
  const { profile, calendar, actor } = rules;
  if (!profile || !calendar || !actor) return { kind: 'reload', reason: 'rules' };
  const ctx = { profile, calendar };
  return {
    kind: 'applied',
    detail: {
      ...detail,
      version: change.version,
      state,
      clocks: toClockViews(computeClocks(state, profile, calendar, rules.now).active, rules.names),
      allowed: caseActions(state, actor, ctx, rules.now, detail.publicationChannel),
      timeline: [...detail.timeline, ...fresh.map(toTimelineEntry)],
    },
  };
}

// The states a command on this node decided on, handed to the notification outbox: a pass needs each case's state
// before the first of its events, which it otherwise reads (the case's earlier events) and folds again. The state a
// command read at version v is the case's state at v (its write was guarded by v), so a pass whose first event of
// the case is v + 1 starts from it and skips that read. In memory only, per database handle of this process: events
// of other nodes, of the scheduler, or older than what is kept are read as before.
import type { CaseState } from '@otklik/domain';

/** States kept at most per organisation, the oldest dropped first. A pass uses a state once, so what stays is what
 *  no pass started from (several commands on one case between two passes, which are 50 ms apart when busy). */
const PER_ORGANISATION = 64;

/** Per database handle (a process may run several nodes or test databases), then per organisation. */
const byDatabase = new WeakMap<object, Map<string, Map<string, CaseState>>>();

function statesOf(db: object, organisationId: string, create: boolean): Map<string, CaseState> | undefined {
  let byOrganisation = byDatabase.get(db);
  if (!byOrganisation) {
    if (!create) return undefined;
    byOrganisation = new Map();
    byDatabase.set(db, byOrganisation);
  }
  let states = byOrganisation.get(organisationId);
  if (!states && create) {
    states = new Map();
    byOrganisation.set(organisationId, states);
  }
  return states;
}

const keyOf = (caseId: string, version: number) => `${caseId}|${version}`;

/** Called once a command's write committed: `state` is the case at `version`, before the command's events. */
export function rememberStateBefore(
  db: object,
  organisationId: string,
  caseId: string,
  version: number,
  state: CaseState,
): void {
  const states = statesOf(db, organisationId, true) as Map<string, CaseState>;
  states.set(keyOf(caseId, version), state);
  if (states.size > PER_ORGANISATION) states.delete(states.keys().next().value as string);
}

/** The organisation's remembered states, as `[caseId, version]` pairs for the outbox's statement and a lookup. */
export function statesBefore(
  db: object,
  organisationId: string,
): {
  readonly known: readonly [string, number][];
  take(caseId: string, version: number): CaseState | undefined;
} {
  const states = statesOf(db, organisationId, false);
  const snapshot = new Map(states ?? []);
  return {
    known: [...snapshot.keys()].map((key) => {
      const [caseId, version] = key.split('|') as [string, string];
      return [caseId, Number(version)];
    }),
    take(caseId, version) {
      const key = keyOf(caseId, version);
      const state = snapshot.get(key);
      if (state !== undefined) states?.delete(key);
      return state;
    },
  };
}

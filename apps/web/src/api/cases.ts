// One case: its detail for the workspace, commands with the expected version, and lookups by case number.
import type { CaseCommand } from '@otklik/domain';
import { useCases } from '../stores/cases';
import { directoryLoaded } from '../stores/directory';
import { toClockViews } from './adapters';
import { fetchBoard } from './board';
import { toTimelineEntry } from './case-detail';
import { directoryNames } from './names';
import { profileFor, rememberProfiles } from './profiles';
import { api } from './trpc';
import type { CaseDetail } from './types';

export async function loadCaseDetail(caseId: string): Promise<CaseDetail> {
  // The clocks are named from the directory: a case opened right after sign-in (a link, a reload) may arrive before
  // it, and is named once it has (as the board's snapshot is).
  const [res] = await Promise.all([api.cases.detail.query({ caseId }), directoryLoaded()]);
  // A custom profile is not built in: fetch it once so forms and rule texts can use it.
  if (!profileFor(res.profileId)) rememberProfiles([await api.profiles.get.query({ id: res.profileId })]);
  const names = directoryNames();
  return {
    id: res.case.id,
    number: res.case.number,
    organisationId: res.case.organisationId,
    profileId: res.profileId,
    version: res.case.version,
    state: res.state,
    clocks: toClockViews(res.clocks.active, names),
    allowed: res.allowedActions,
    publicationChannel: res.publicationChannel,
    timeline: res.timeline.map(toTimelineEntry),
    earlierCases: res.repeatOf.map((c) => ({ id: c.id, number: c.number, excerpt: c.excerpt, status: c.status })),
  };
}

/** Returns the case version the command produced. */
export async function executeCommand(caseId: string, expectedVersion: number, command: CaseCommand): Promise<number> {
  const result = await api.cases.command.mutate({ caseId, expectedVersion, command });
  return result.version;
}

/** Case numbers → ids, from the board (open cases) and, for closed ones, the board with closed cases included. */
export async function findCaseIdsByNumbers(numbers: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const want = new Set(numbers);
  for (const row of useCases.getState().byId.values())
    if (want.has(String(row.number))) found.set(String(row.number), row.id);
  if (found.size < want.size) {
    const res = await fetchBoard({ includeClosed: true });
    for (const row of res.cases) if (want.has(String(row.number))) found.set(String(row.number), row.id);
  }
  return found;
}

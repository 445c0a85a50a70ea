// Test support: the steps server tests take a case through (register a VK comment, triage it, route it, run a command
// at the version the client saw), written once. Test-only: nothing in the product imports it.
import { loadCurrentUser } from '../auth/current-user';
import { executeCaseCommand, SYSTEM_ACTOR } from '../cases/commands';
import type { ServerDeps } from '../deps';
import type { Caller, OrgFixture } from './fixtures';

/** A citizen's public VK comment as the intake and `cases.register` take it; its `link` makes it a message of its
 *  own. Every test that registers a message starts from this one. */
export const vkComment = (link: string, text = 'Яма на дороге') => ({
  network: 'vk' as const,
  link,
  author: { name: 'Иван' },
  text,
  attachments: [],
  visibility: 'public' as const,
});

/** A link no other test's comment has. */
export const freshLink = () => `https://vk.com/wall-1_${Math.floor(Math.random() * 1e9)}`;

/** The registration command of such a comment. */
export const registerVk = (link: string, text?: string) => ({ type: 'register' as const, ...vkComment(link, text) });

/** An ordinary, processable triage of a road matter. */
export const ROADS_TRIAGE = {
  type: 'triage',
  topic: 'дороги',
  location: 'центр',
  category: 'ordinary',
  processable: true,
} as const;

/** A single route of the department to its executor. */
export const routeSingle = (departmentId: string, executorId: string) => ({
  type: 'route' as const,
  mode: 'single' as const,
  assignments: [{ departmentId, executorId }],
});

type FixtureDepartment = keyof OrgFixture['departments'];

/** A department of the fixture with its (first) executor, as one assignment of a route or a move. */
export const assignmentTo = (org: OrgFixture, department: FixtureDepartment) => ({
  departmentId: org.departments[department],
  executorId: org.people[`${department}Executor`].id,
});

/** A chain route over departments of the fixture, each to its executor. */
export const routeChain = (org: OrgFixture, mode: 'sequential' | 'parallel', ...departments: FixtureDepartment[]) => ({
  type: 'route' as const,
  mode,
  assignments: departments.map((d) => assignmentTo(org, d)),
});

/** A case command through the API at the case's current version, as a client that has the case open sends it. */
export async function commandAtCurrentVersion(who: Caller, caseId: string, command: unknown) {
  const version = (await who.cases.detail({ caseId })).case.version;
  return who.cases.command({ caseId, expectedVersion: version, command: command as never });
}

/**
 * The API steps of a test that keeps its own clock: each first sets the clock to `at` (a local 'HH:MM' that `time`
 * turns into an instant). `register` files a comment of `text` as the operator, its link named after the time.
 */
export function timedSteps(options: {
  readonly setClock: (at: number) => void;
  readonly time: (hhmm: string) => number;
  readonly operator: () => Caller;
  readonly text: string;
}) {
  return {
    async register(at: string): Promise<string> {
      options.setClock(options.time(at));
      const { caseId } = await options
        .operator()
        .cases.register(vkComment(`https://vk.com/wall-1_${at}`, options.text));
      return caseId;
    },
    command(who: Caller, caseId: string, command: unknown, at: string) {
      options.setClock(options.time(at));
      return commandAtCurrentVersion(who, caseId, command);
    },
  };
}

/** Runs commands straight through executeCaseCommand as a person of the organisation (or the system) at `now`. */
export function caseCommandRunner(deps: ServerDeps, org: OrgFixture) {
  return async (personId: string | 'system', caseId: string | undefined, command: unknown, now: number) => {
    const actor = personId === 'system' ? SYSTEM_ACTOR : (await loadCurrentUser(deps.db, personId, now))!.actor;
    return executeCaseCommand(deps, { organisationId: org.organisationId, actor, caseId, now, command });
  };
}

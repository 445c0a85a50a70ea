// Test set-up through the API as real people do it: the shared typed client (tests/support/typed-client.ts) signed in
// as a demo person, and the usual first steps of a case (register, triage, route) on top of it.
import { type TestSession, testSession } from '../../support/typed-client';
import type { Named } from './people';

type Api = TestSession['api'];
export type Person = Awaited<ReturnType<Api['directory']['people']['query']>>[number];
export type Department = Awaited<ReturnType<Api['directory']['departments']['query']>>[number];
/** A command a person sends to a case (`cases.command`'s `command`). */
export type CaseCommand = Parameters<Api['cases']['command']['mutate']>[0]['command'];
type RegisterInput = Parameters<Api['cases']['register']['mutate']>[0];

/** A session of the server at `baseUrl`, signed in as the demo person `login` (demo password unless given). */
export function signIn(baseUrl: string, login: string, password = 'demo'): Promise<TestSession> {
  return testSession(baseUrl).signIn(login, password);
}

/** Registers a message as the operator and returns the new case id. */
export async function registerCase(
  operator: TestSession,
  input: {
    text: string;
    author?: string;
    network?: RegisterInput['network'];
    visibility?: RegisterInput['visibility'];
  },
): Promise<string> {
  const res = await operator.api.cases.register.mutate({
    network: input.network ?? 'vk',
    link: `https://vk.com/wall-1_${Math.floor(Math.random() * 1e9)}`,
    author: { name: input.author ?? 'Иванов Иван' },
    text: input.text,
    attachments: [],
    visibility: input.visibility ?? 'public',
  });
  return res.caseId;
}

/** Sends a command to the case at its current version. */
export async function command(session: TestSession, caseId: string, cmd: CaseCommand): Promise<void> {
  const { case: current } = await session.api.cases.detail.query({ caseId });
  await session.api.cases.command.mutate({ caseId, expectedVersion: current.version, command: cmd });
}

/** The triage of a case: its topic, location and category. */
type Triage = { topic: string; location: string; category: 'ordinary' | 'fast-track' | 'high' };

/** Triages a case as processable (by the operator or the curator). */
export async function triage(session: TestSession, caseId: string, triaged: Triage): Promise<void> {
  await command(session, caseId, { type: 'triage', processable: true, ...triaged });
}

/** Triages a case as processable and routes it to one executor (the usual start of a test at an executor's desk),
 *  or, given several, along a chain in that order (konyshevsky-2020 p.16). */
export async function triageAndRoute(
  curator: TestSession,
  caseId: string,
  triaged: Triage,
  executors: Named | readonly Named[],
): Promise<void> {
  await triage(curator, caseId, triaged);
  const chain = Array.isArray(executors);
  await command(curator, caseId, {
    type: 'route',
    mode: chain ? 'sequential' : 'single',
    assignments: (chain ? executors : [executors as Named]).map((e) => ({
      departmentId: e.department.id,
      executorId: e.person.id,
    })),
  });
}

/** The administrator marks `absent` on leave from an hour ago for a week, `substitute` standing in. */
export async function onLeaveThisWeek(admin: TestSession, absent: Named, substitute: Named): Promise<void> {
  await admin.api.directory.createAbsence.mutate({
    personId: absent.person.id,
    substituteId: substitute.person.id,
    reason: 'leave',
    startsAt: Date.now() - 3_600_000,
    endsAt: Date.now() + 7 * 86_400_000,
  });
}

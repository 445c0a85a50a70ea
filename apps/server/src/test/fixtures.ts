// Test fixtures: an organisation with departments and one person per role, and tRPC callers signed in as them.
// Each test makes its own organisation (unique slug and logins), so tests sharing one database do not interfere.
import { randomBytes } from 'node:crypto';
import type { Role } from '@otklik/domain';
import type { ServerDeps } from '../deps';
import { createDepartment, updateDepartment } from '../directory/departments';
import { createOrganisation } from '../directory/organisations';
import { createPerson, type PersonView } from '../directory/people';
import { appRouter } from '../trpc/app-router';
import { createContext } from '../trpc/context';
import { createCallerFactory } from '../trpc/trpc';

export const TEST_PASSWORD = 'test-pass';
const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface OrgFixture {
  organisationId: string;
  slug: string;
  departments: { roads: string; housing: string; health: string };
  people: {
    operator: PersonView;
    curator: PersonView;
    curator2: PersonView;
    roadsExecutor: PersonView;
    roadsExecutor2: PersonView;
    housingExecutor: PersonView;
    healthExecutor: PersonView;
    deputy: PersonView;
    head: PersonView;
    admin: PersonView;
    observer: PersonView;
  };
}

export async function createOrgFixture(
  deps: ServerDeps,
  options: { profileId?: string; timeZone?: string } = {},
): Promise<OrgFixture> {
  const tag = randomBytes(4).toString('hex');
  const db = deps.db;
  const org = await createOrganisation(db, {
    slug: `t-${tag}`,
    name: `Тестовая администрация ${tag}`,
    timeZone: options.timeZone ?? 'Europe/Moscow',
    profileId: options.profileId ?? 'konyshevsky-2020',
  });
  const dept = (name: string) => createDepartment(db, { organisationId: org.id, name });
  const [roads, housing, health] = await Promise.all([
    dept('Дороги и транспорт'),
    dept('ЖКХ'),
    dept('Здравоохранение'),
  ]);
  const person = (key: string, fullName: string, roles: Role[], departmentId?: string) =>
    createPerson(db, {
      organisationId: org.id,
      fullName,
      login: `${key}-${tag}`,
      password: TEST_PASSWORD,
      roles,
      departmentId: departmentId ?? null,
    });
  const people = {
    operator: await person('operator', 'Оператор Ольга', ['operator']),
    curator: await person('curator', 'Куратор Кирилл', ['curator']),
    curator2: await person('curator2', 'Куратор Ксения', ['curator']),
    roadsExecutor: await person('roads', 'Исполнитель Дорожный', ['executor'], roads!.id),
    roadsExecutor2: await person('roads2', 'Исполнитель Дорожный второй', ['executor'], roads!.id),
    housingExecutor: await person('housing', 'Исполнитель ЖКХ', ['executor'], housing!.id),
    healthExecutor: await person('health', 'Исполнитель Здоровье', ['executor'], health!.id),
    deputy: await person('deputy', 'Заместитель Денис', ['department-head']),
    head: await person('head', 'Глава Геннадий', ['head']),
    admin: await person('admin', 'Администратор Анна', ['administrator']),
    observer: await person('observer', 'Наблюдатель Ника', ['observer']),
  };
  await updateDepartment(db, { organisationId: org.id, id: roads!.id, supervisingDeputyId: people.deputy.id });
  return {
    organisationId: org.id,
    slug: org.slug,
    departments: { roads: roads!.id, housing: housing!.id, health: health!.id },
    people,
  };
}

/** A caller as an anonymous visitor; `cookies` collects what the server sets. */
export async function anonymousCaller(deps: ServerDeps, ip = '10.0.0.1') {
  const cookies: string[] = [];
  const ctx = await createContext(deps, { ip, setCookie: (c) => cookies.push(c) });
  return { caller: createCaller(ctx), cookies };
}

/** Signs in through auth.login and returns the `name=value` of the session cookie. */
export async function signInCookie(deps: ServerDeps, login: string, password = TEST_PASSWORD): Promise<string> {
  const { caller, cookies } = await anonymousCaller(deps);
  await caller.auth.login({ login, password });
  return cookies[0]!.split(';')[0]!;
}

/** A caller for one request context carrying `cookie` (the session is looked up now, as on each HTTP request). */
export async function callerWithCookie(deps: ServerDeps, cookie: string): Promise<Caller> {
  return createCaller(await createContext(deps, { cookieHeader: cookie, ip: '10.0.0.1' }));
}

/** Signs in through auth.login and returns a caller carrying the session cookie. */
export async function signIn(deps: ServerDeps, login: string, password = TEST_PASSWORD): Promise<Caller> {
  return callerWithCookie(deps, await signInCookie(deps, login, password));
}

/** The fixture's people by the short names tests call them ('roads' is the roads department's executor). */
const CALLER_PEOPLE = {
  operator: 'operator',
  curator: 'curator',
  curator2: 'curator2',
  roads: 'roadsExecutor',
  housing: 'housingExecutor',
  health: 'healthExecutor',
  deputy: 'deputy',
  head: 'head',
  admin: 'admin',
  observer: 'observer',
} as const satisfies Record<string, keyof OrgFixture['people']>;
export type CallerName = keyof typeof CALLER_PEOPLE;

/** Signs the named people of the fixture in, one after another; their callers by name. */
export async function signInAs<K extends CallerName>(
  deps: ServerDeps,
  org: OrgFixture,
  names: readonly K[],
): Promise<Record<K, Caller>> {
  const callers: [K, Caller][] = [];
  for (const name of names) callers.push([name, await signIn(deps, org.people[CALLER_PEOPLE[name]].login)]);
  return Object.fromEntries(callers) as Record<K, Caller>;
}

/** The ids of the open cases waiting for `personId`, selected from the board rows as the web's inbox selects them:
 *  the person the row names as responsible, or one of its executors. */
export async function tasksOf(caller: Caller, personId: string): Promise<string[]> {
  const board = await caller.cases.board({});
  return board.cases
    .filter((c) => c.isOpen && (c.responsiblePersonId === personId || c.executorIds.includes(personId)))
    .map((c) => c.id);
}

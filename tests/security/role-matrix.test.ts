// The role × procedure matrix (issue 11 "Done when"): every tRPC procedure, the /api routes and every socket event,
// called over HTTP and the socket by each role of REGULATIONS.md (and an anonymous visitor), table-driven. A
// procedure missing from the table fails the coverage test, so a new procedure cannot escape the matrix.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../apps/server/src/db/schema';
import { createPerson } from '../../apps/server/src/directory/people';
import { createApiKey, createDisplayToken } from '../../apps/server/src/intake/api-keys';
import { vkComment } from '../../apps/server/src/test/case-steps';
import { TEST_PASSWORD } from '../../apps/server/src/test/fixtures';
import { appRouter } from '../../apps/server/src/trpc/app-router';
import {
  ask,
  type ClientSocket,
  call,
  connected,
  loginCookie,
  routedCase,
  type SecurityNode,
  socketOf,
  startSecurityNode,
} from './support/server';

const ROLES = [
  'anonymous',
  'operator',
  'curator',
  'roadsExecutor',
  'housingExecutor',
  'deputy',
  'head',
  'admin',
  'regionAdmin',
  'observer',
] as const;
type RoleKey = (typeof ROLES)[number];
const STAFF = ROLES.filter((r): r is Exclude<RoleKey, 'anonymous'> => r !== 'anonymous');
type Outcome = 'ok' | 'forbidden' | 'not-found' | 'unauthorized' | 'bad-input' | 'refused';

const STATUS: Record<Outcome, number> = {
  ok: 200,
  forbidden: 403,
  'not-found': 404,
  unauthorized: 401,
  'bad-input': 400,
  refused: 422,
};

/** Outcomes by role: `staff` for every signed-in role not named, anonymous is unauthorized unless named. A region
 *  administrator is an administrator too: unless named, they get what the administrator gets. */
function expect_(by: Partial<Record<RoleKey, Outcome>> & { staff?: Outcome }): Record<RoleKey, Outcome> {
  const out = {} as Record<RoleKey, Outcome>;
  for (const r of ROLES) {
    const fallback = r === 'regionAdmin' ? by.admin : undefined;
    out[r] = by[r] ?? fallback ?? (r === 'anonymous' ? 'unauthorized' : (by.staff ?? 'forbidden'));
  }
  return out;
}
const ALL = expect_({ staff: 'ok' });
const ADMIN = expect_({ admin: 'ok' });
/** The installation's own business (organisations, the shared production calendar): region administrators only. */
const REGION = (outcome: Outcome) => expect_({ regionAdmin: outcome, admin: 'forbidden' });
const PUBLIC = expect_({ anonymous: 'ok', staff: 'ok' });
const NO_ID = '00000000-0000-4000-8000-000000000000';
/** Sees every case of a roads-routed case: all but the housing executor and the administrator. */
const SEES_ROADS_CASE = expect_({ staff: 'ok', housingExecutor: 'not-found', admin: 'not-found' });
const REPORT_READERS = expect_({ curator: 'ok', head: 'ok', deputy: 'ok', admin: 'ok', observer: 'ok' });

interface Ctx {
  roadsCase: () => Promise<string>;
  caseId: string;
  attachmentId: string;
  displayToken: string;
  tag: (role: RoleKey) => string;
  ids: {
    roads: string;
    housing: string;
    deputy: string;
    roadsExecutor: string;
    curator: string;
    operator: string;
    otherOrganisation: string;
  };
}

interface Row {
  kind: 'query' | 'mutation';
  outcomes: Record<RoleKey, Outcome>;
  input: (ctx: Ctx, role: RoleKey) => unknown | Promise<unknown>;
}

const MATRIX: Record<string, Row> = {
  'auth.login': {
    kind: 'mutation',
    outcomes: expect_({ anonymous: 'unauthorized', staff: 'unauthorized' }),
    input: (c, r) => ({ login: `nobody-${c.tag(r)}`, password: 'wrong' }),
  },
  'auth.logout': { kind: 'mutation', outcomes: expect_({ anonymous: 'ok', staff: 'ok' }), input: () => undefined },
  'auth.me': { kind: 'query', outcomes: expect_({ anonymous: 'ok', staff: 'ok' }), input: () => undefined },
  // The login page asks which sign-in methods there are before anyone is signed in.
  'auth.methods': { kind: 'query', outcomes: PUBLIC, input: () => undefined },
  'auth.changePassword': {
    kind: 'mutation',
    outcomes: expect_({ staff: 'bad-input' }),
    input: () => ({ currentPassword: 'not-mine-at-all', newPassword: 'Ель-зелёная-42' }),
  },
  'cases.board': { kind: 'query', outcomes: ALL, input: () => ({}) },
  'cases.detail': { kind: 'query', outcomes: SEES_ROADS_CASE, input: (c) => ({ caseId: c.caseId }) },
  // The route form's executors with their marks: curators only.
  'cases.routeChoices': { kind: 'query', outcomes: expect_({ curator: 'ok' }), input: () => undefined },
  // Possible repeats while a message is being registered: whoever registers.
  'cases.repeatSuggestions': {
    kind: 'query',
    outcomes: expect_({ operator: 'ok', curator: 'ok' }),
    input: () => ({ author: 'Ж', text: 'матрица' }),
  },
  'cases.register': {
    kind: 'mutation',
    outcomes: expect_({ operator: 'ok', curator: 'ok' }),
    input: (_c, r) => vkComment(`https://vk.com/${r}`, 'матрица'),
  },
  'cases.command': {
    kind: 'mutation',
    // flag-socially-significant: operator, curator, the roads head and the head; seen but not allowed: the roads
    // executor and the observer; not seen at all: the housing executor and the administrator.
    outcomes: expect_({
      operator: 'ok',
      curator: 'ok',
      deputy: 'ok',
      head: 'ok',
      roadsExecutor: 'forbidden',
      observer: 'forbidden',
      housingExecutor: 'not-found',
      admin: 'not-found',
    }),
    input: async (c) => ({
      caseId: await c.roadsCase(),
      expectedVersion: 3,
      command: { type: 'flag-socially-significant' },
    }),
  },
  'directory.organisation': { kind: 'query', outcomes: ALL, input: () => undefined },
  'directory.departments': { kind: 'query', outcomes: ALL, input: () => undefined },
  'directory.createDepartment': { kind: 'mutation', outcomes: ADMIN, input: (c, r) => ({ name: `Отдел ${c.tag(r)}` }) },
  'directory.updateDepartment': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c) => ({ id: c.ids.housing, name: 'ЖКХ' }),
  },
  'directory.people': { kind: 'query', outcomes: ALL, input: () => undefined },
  'directory.createPerson': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c, r) => ({ fullName: 'Новый Сотрудник', login: `new-${c.tag(r)}`, roles: ['observer'] }),
  },
  'directory.updatePerson': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c) => ({ id: c.ids.operator, position: 'оператор' }),
  },
  'directory.absences': { kind: 'query', outcomes: ALL, input: () => undefined },
  'directory.updateAbsence': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: NO_ID, reason: 'leave' }),
  },
  // The wall's place directory: everyone reads it, administrators keep it.
  'directory.places': { kind: 'query', outcomes: ALL, input: () => undefined },
  'directory.createPlace': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c, r) => ({ name: `Село ${c.tag(r)}`, kind: 'settlement' }),
  },
  'directory.updatePlace': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: NO_ID, name: 'Село' }),
  },
  'directory.deletePlace': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: NO_ID }),
  },
  'directory.createAbsence': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c) => ({
      personId: c.ids.roadsExecutor,
      substituteId: c.ids.curator,
      reason: 'leave',
      startsAt: Date.UTC(2030, 0, 1),
      endsAt: Date.UTC(2030, 0, 2),
    }),
  },
  'directory.deleteAbsence': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'directory.channelAccounts': { kind: 'query', outcomes: ALL, input: () => undefined },
  'profiles.list': { kind: 'query', outcomes: ALL, input: () => undefined },
  'profiles.get': { kind: 'query', outcomes: ALL, input: () => ({ id: 'konyshevsky-2020' }) },
  'profiles.create': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'bad-input' }),
    input: () => ({ profile: { id: 'x' } }),
  },
  'profiles.update': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'forbidden' }),
    input: () => ({ id: 'konyshevsky-2020', profile: {} }),
  },
  'profiles.setForOrganisation': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: () => ({ profileId: 'konyshevsky-2020' }),
  },
  'calendar.days': { kind: 'query', outcomes: ALL, input: () => ({ from: '2026-12-28', to: '2027-01-03' }) },
  'calendar.setOverrides': { kind: 'mutation', outcomes: ADMIN, input: () => ({}) },
  'calendar.setTimeZone': { kind: 'mutation', outcomes: ADMIN, input: () => ({ timeZone: 'Europe/Moscow' }) },
  'calendar.preview': {
    kind: 'query',
    outcomes: ALL,
    input: () => ({ step: 'answer', from: Date.UTC(2026, 10, 25, 9) }),
  },
  'intake.apiKeys': { kind: 'query', outcomes: ADMIN, input: () => undefined },
  'intake.createApiKey': { kind: 'mutation', outcomes: ADMIN, input: (c, r) => ({ name: c.tag(r) }) },
  'intake.revokeApiKey': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'intake.displayTokens': { kind: 'query', outcomes: ADMIN, input: () => undefined },
  'intake.createDisplayToken': { kind: 'mutation', outcomes: ADMIN, input: (c, r) => ({ name: c.tag(r) }) },
  'intake.revokeDisplayToken': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'notifications.list': { kind: 'query', outcomes: ALL, input: () => ({}) },
  'reports.monthlySummary': { kind: 'query', outcomes: REPORT_READERS, input: () => ({ month: '2026-11' }) },
  'reports.drilldown': {
    kind: 'query',
    outcomes: REPORT_READERS,
    input: () => ({ month: '2026-11', key: 'nothing', asOf: 0 }),
  },
  'reports.cases': { kind: 'query', outcomes: REPORT_READERS, input: (c) => ({ ids: [c.caseId] }) },
  'reports.surges': { kind: 'query', outcomes: REPORT_READERS, input: () => ({}) },
  'reports.surgeThresholds': { kind: 'query', outcomes: REPORT_READERS, input: () => undefined },
  'reports.setSurgeThresholds': { kind: 'mutation', outcomes: ADMIN, input: () => ({}) },
  'reports.repeatCandidates': { kind: 'query', outcomes: SEES_ROADS_CASE, input: (c) => ({ caseId: c.caseId }) },
  'reports.headOverview': {
    kind: 'query',
    outcomes: expect_({ head: 'ok', curator: 'ok', admin: 'ok', observer: 'ok' }),
    input: () => undefined,
  },
  'wall.snapshot': {
    kind: 'query',
    outcomes: expect_({ anonymous: 'ok', staff: 'ok' }),
    input: (c) => ({ token: c.displayToken }),
  },
  'wall.settings': {
    kind: 'query',
    outcomes: expect_({ anonymous: 'ok', staff: 'ok' }),
    input: (c) => ({ token: c.displayToken }),
  },
  'directory.setSupervisors': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c) => ({ curatorSupervisorId: c.ids.deputy, operatorSupervisorId: null }),
  },
  'directory.topics': { kind: 'query', outcomes: ALL, input: () => undefined },
  'directory.createTopic': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c, r) => ({ name: `Тема ${c.tag(r)}`, listed: true }),
  },
  'directory.updateTopic': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: NO_ID, name: 'Дороги' }),
  },
  'calendar.status': { kind: 'query', outcomes: ALL, input: () => undefined },
  // The imported years serve every organisation: an organisation's administrator may not change them.
  'calendar.importOpenData': {
    kind: 'mutation',
    outcomes: REGION('bad-input'),
    input: () => ({ fileName: 'calendar.csv', text: 'это не календарь\n' }),
  },
  'calendar.removeImportedYear': { kind: 'mutation', outcomes: REGION('not-found'), input: () => ({ year: 1999 }) },
  'channels.accounts': { kind: 'query', outcomes: ADMIN, input: () => undefined },
  'channels.create': {
    kind: 'mutation',
    outcomes: ADMIN,
    input: (c, r) => ({ network: 'vk', url: `https://vk.com/${c.tag(r)}`, title: 'Матрица' }),
  },
  'channels.update': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: NO_ID, title: 'Матрица' }),
  },
  'channels.remove': { kind: 'mutation', outcomes: expect_({ admin: 'not-found' }), input: () => ({ id: NO_ID }) },
  'channels.check': { kind: 'mutation', outcomes: expect_({ admin: 'not-found' }), input: () => ({ id: NO_ID }) },
  'channels.setMode': {
    kind: 'mutation',
    outcomes: expect_({ admin: 'not-found' }),
    input: () => ({ id: NO_ID, mode: 'polling' }),
  },
  'channels.webhookSetup': { kind: 'query', outcomes: expect_({ admin: 'not-found' }), input: () => ({ id: NO_ID }) },
  // Those who see the case reach the domain (which refuses: the message came by hand, not through an account);
  // those who do not get the same answer as for a case that does not exist.
  'channels.requestPublication': {
    kind: 'mutation',
    outcomes: expect_({ staff: 'refused', housingExecutor: 'not-found', admin: 'not-found' }),
    input: (c) => ({ caseId: c.caseId, expectedVersion: 3 }),
  },
  // "Retry now" is for those who take part in the case, not for readers.
  'channels.retryPublication': {
    kind: 'mutation',
    outcomes: expect_({
      operator: 'ok',
      curator: 'ok',
      roadsExecutor: 'ok',
      deputy: 'forbidden',
      head: 'forbidden',
      observer: 'forbidden',
      housingExecutor: 'not-found',
      admin: 'not-found',
    }),
    input: (c) => ({ caseId: c.caseId }),
  },
  'channels.ofCase': { kind: 'query', outcomes: SEES_ROADS_CASE, input: (c) => ({ caseId: c.caseId }) },
  'channels.threadOfCase': { kind: 'query', outcomes: SEES_ROADS_CASE, input: (c) => ({ caseId: c.caseId }) },
  'organisations.list': { kind: 'query', outcomes: REGION('ok'), input: () => undefined },
  'organisations.create': {
    kind: 'mutation',
    outcomes: REGION('ok'),
    input: (c, r) => ({
      name: `Администрация ${c.tag(r)}`,
      presetId: 'konyshevsky-2020',
      timeZone: 'Asia/Krasnoyarsk',
      admin: { fullName: 'Новый Администратор', login: `org-${c.tag(r)}`, password: 'Кедровая-шишка-2027' },
    }),
  },
  'organisations.rename': {
    kind: 'mutation',
    outcomes: REGION('ok'),
    input: (c) => ({ id: c.ids.otherOrganisation, name: 'Соседняя администрация' }),
  },
  'organisations.setArchived': {
    kind: 'mutation',
    outcomes: REGION('ok'),
    input: (c) => ({ id: c.ids.otherOrganisation, archived: false }),
  },
  // The first-run page is public, and the one-time code from the server log is what guards it.
  'setup.status': { kind: 'query', outcomes: PUBLIC, input: () => undefined },
  'setup.complete': {
    kind: 'mutation',
    outcomes: expect_({ anonymous: 'forbidden', staff: 'forbidden' }),
    input: (c, r) => ({
      code: 'not-the-code-from-the-log',
      name: 'Захват',
      presetId: 'konyshevsky-2020',
      timeZone: 'Europe/Moscow',
      admin: { fullName: 'Чужой Человек', login: `setup-${c.tag(r)}`, password: 'Кедровая-шишка-2027' },
    }),
  },
  'audit.list': { kind: 'query', outcomes: ADMIN, input: () => ({}) },
  'audit.exportCsv': { kind: 'query', outcomes: ADMIN, input: () => ({}) },
  'audit.actions': { kind: 'query', outcomes: ADMIN, input: () => undefined },
};

/** The login of each role in a node's organisation; the region administrator is added to it here (the shared
 *  fixture keeps its eleven people). */
async function loginsOf(node: SecurityNode): Promise<Record<Exclude<RoleKey, 'anonymous'>, string>> {
  const db = node.node.running.deps.db;
  const p = node.org.people;
  const region = await createPerson(db, {
    organisationId: node.org.organisationId,
    fullName: 'Администратор Региона',
    login: `region-${Math.random().toString(36).slice(2, 8)}`,
    password: TEST_PASSWORD,
    roles: ['administrator'],
  });
  await db.update(people).set({ regionAdministrator: true }).where(eq(people.id, region.id));
  return {
    operator: p.operator.login,
    curator: p.curator.login,
    roadsExecutor: p.roadsExecutor.login,
    housingExecutor: p.housingExecutor.login,
    deputy: p.deputy.login,
    head: p.head.login,
    admin: p.admin.login,
    regionAdmin: region.login,
    observer: p.observer.login,
  };
}

describe('role × procedure matrix', () => {
  let s: SecurityNode;
  const cookies = {} as Record<RoleKey, string>;
  let ctx: Ctx;

  const logins = {} as Record<Exclude<RoleKey, 'anonymous'>, string>;

  beforeAll(async () => {
    s = await startSecurityNode({ attachmentsDir: null });
    const people = s.org.people;
    Object.assign(logins, await loginsOf(s));
    cookies.anonymous = '';
    for (const [role, login] of Object.entries(logins)) cookies[role as RoleKey] = await loginCookie(s.url, login);
    const roadsCase = async () =>
      (await routedCase(s.url, cookies, { departmentId: s.org.departments.roads, executorId: people.roadsExecutor.id }))
        .caseId;
    const deps = s.node.running.deps;
    ctx = {
      roadsCase,
      caseId: await roadsCase(),
      attachmentId: '',
      displayToken: (await createDisplayToken(deps.db, s.org.organisationId, 'Табло', {})).token,
      tag: (role) => `${role}-${Math.random().toString(36).slice(2, 8)}`,
      ids: {
        roads: s.org.departments.roads,
        housing: s.org.departments.housing,
        deputy: people.deputy.id,
        roadsExecutor: people.roadsExecutor.id,
        curator: people.curator.id,
        operator: people.operator.id,
        otherOrganisation: s.other.organisationId,
      },
    };
  });
  afterAll(() => s?.close());

  it('covers every procedure of the router', () => {
    const procedures = Object.keys(
      (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
    );
    expect(Object.keys(MATRIX).sort()).toEqual(procedures.sort());
  });

  it.each(Object.entries(MATRIX))('%s', async (path, row) => {
    const seen: Partial<Record<RoleKey, Outcome | number>> = {};
    for (const role of ROLES) {
      // auth.logout ends the session it is called with: a session of its own.
      const cookie =
        path === 'auth.logout' && role !== 'anonymous' ? await loginCookie(s.url, logins[role]) : cookies[role];
      const reply = await call(s.url, path, row.kind, await row.input(ctx, role), cookie);
      const outcome = (Object.keys(STATUS) as Outcome[]).find((o) => STATUS[o] === reply.status);
      seen[role] = outcome ?? reply.status;
    }
    expect(seen).toEqual(row.outcomes);
  });

  it('/api: intake by key only; uploads by those taking part; downloads by those who see the case', async () => {
    const deps = s.node.running.deps;
    const { key } = await createApiKey(deps.db, s.org.organisationId, 'matrix');
    const intake = (auth: string) =>
      fetch(`${s.url}/api/intake`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({
          network: 'vk',
          externalId: `m-${Math.random()}`,
          url: 'https://vk.com/wall-1_1',
          author: 'Ж',
          text: 'т',
        }),
      });
    expect((await intake(`Bearer ${key}`)).status).toBe(201);
    expect((await intake('')).status).toBe(401);
    expect((await intake('Bearer otk_wrong')).status).toBe(401);
    // Attachments need a storage directory: a node of its own.
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'otklik-matrix-'));
    const files = await startSecurityNode({ attachmentsDir: dir });
    try {
      const p = files.org.people;
      const roleCookies = {} as Record<RoleKey, string>;
      roleCookies.anonymous = '';
      const fileLogins = await loginsOf(files);
      for (const role of STAFF) roleCookies[role] = await loginCookie(files.url, fileLogins[role]);
      const { caseId } = await routedCase(files.url, roleCookies, {
        departmentId: files.org.departments.roads,
        executorId: p.roadsExecutor.id,
      });
      const upload = (cookie: string) =>
        fetch(`${files.url}/api/attachments?caseId=${caseId}&name=photo.jpg`, {
          method: 'POST',
          headers: { 'content-type': 'image/jpeg', origin: files.url, ...(cookie ? { cookie } : {}) },
          body: new Uint8Array([1, 2, 3]),
        });
      const uploads: Partial<Record<RoleKey, number>> = {};
      let url = '';
      for (const role of ROLES) {
        const res = await upload(roleCookies[role]);
        uploads[role] = res.status;
        if (res.status === 201) url = ((await res.json()) as { url: string }).url;
      }
      expect(uploads).toEqual({
        anonymous: 401,
        operator: 201,
        curator: 201,
        roadsExecutor: 201,
        housingExecutor: 404,
        deputy: 403,
        head: 403,
        admin: 404,
        regionAdmin: 404,
        observer: 403,
      });
      const downloads: Partial<Record<RoleKey, number>> = {};
      for (const role of ROLES) {
        downloads[role] = (
          await fetch(`${files.url}${url}`, { headers: roleCookies[role] ? { cookie: roleCookies[role] } : {} })
        ).status;
      }
      expect(downloads).toEqual({
        anonymous: 401,
        operator: 200,
        curator: 200,
        roadsExecutor: 200,
        housingExecutor: 404,
        deputy: 200,
        head: 200,
        admin: 404,
        regionAdmin: 404,
        observer: 200,
      });
    } finally {
      await files.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('socket: every event by role, a wall display and a visitor without a session', async () => {
    const caseId = ctx.caseId;
    const events: [string, unknown][] = [
      ['changes:since', { afterSeq: 0 }],
      ['time:probe', { clientSentAt: 1 }],
      ['case:join', { caseId }],
      ['case:typing', { caseId, typing: true }],
      ['draft:save', { caseId, slot: 'answer', baseVersion: 0, text: 'черновик' }],
      ['case:leave', { caseId }],
      ['notifications:list', {}],
      ['notifications:mark-read', { ids: ['00000000-0000-4000-8000-000000000000'] }],
    ];
    const table: Record<string, Record<string, boolean>> = {};
    const sockets: ClientSocket[] = [];
    try {
      for (const role of STAFF) {
        const socket = socketOf(s.url, cookies[role]);
        sockets.push(socket);
        await connected(socket);
        table[role] = {};
        for (const [event, payload] of events) {
          const reply = await ask(socket, event, payload);
          // The first draft save wins; a later one of another person is a conflict: allowed, not refused.
          table[role]![event] = reply.ok;
        }
      }
      const wall = socketOf(s.url, null, { displayToken: ctx.displayToken });
      sockets.push(wall);
      await connected(wall);
      table.display = {};
      for (const [event, payload] of events) table.display[event] = (await ask(wall, event, payload)).ok;
      const anonymous = socketOf(s.url, null);
      sockets.push(anonymous);
      await expect(connected(anonymous)).rejects.toThrow(/Войдите/);
    } finally {
      for (const socket of sockets) socket.close();
    }
    const seesCase = { 'case:join': true, 'case:typing': true, 'case:leave': true };
    const base = {
      'changes:since': true,
      'time:probe': true,
      'notifications:list': true,
      'notifications:mark-read': true,
    };
    const sees = (draft: boolean) => ({ ...base, ...seesCase, 'draft:save': draft });
    const blind = { ...base, 'case:join': false, 'case:typing': false, 'draft:save': false, 'case:leave': true };
    expect(table).toEqual({
      operator: sees(false),
      curator: sees(true),
      roadsExecutor: sees(true),
      housingExecutor: blind,
      deputy: sees(false),
      head: sees(false),
      admin: blind,
      regionAdmin: blind,
      observer: sees(false),
      display: {
        'changes:since': true,
        'time:probe': true,
        'case:join': false,
        'case:typing': false,
        'draft:save': false,
        'case:leave': false,
        'notifications:list': false,
        'notifications:mark-read': false,
      },
    });
  });
});

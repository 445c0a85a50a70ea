// Issue 11 item 14: a property-based fuzz (fast-check) of every tRPC procedure, the intake and every socket event,
// with hostile values (NUL bytes, lone surrogates, SQL, impossible dates, huge and negative numbers, wrong types,
// unknown keys) alone or planted into valid inputs. Asserts: no 5xx (no internal error on the socket), and nothing
// written when a request is refused (the audit log and the failed sign-in counters excepted: they record refusals).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createDisplayToken } from '../../apps/server/src/intake/api-keys';
import { appRouter } from '../../apps/server/src/trpc/app-router';
import {
  ask,
  type ClientSocket,
  call,
  connected,
  loginCookie,
  message,
  routedCase,
  type SecurityNode,
  socketOf,
  startSecurityNode,
} from './support/server';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** What "nothing written" compares: these tables whole, then the cases' count, versions and the log's last seq. */
const FINGERPRINT_PARTS = [
  'organisations',
  'departments',
  'people',
  'absences',
  'channel_accounts',
  'topics',
  'production_calendar_years',
  'regulation_profiles',
  'api_keys',
  'display_tokens',
  'attachments',
  'case_drafts',
  'notifications',
  'sessions',
  'cases',
  'case versions',
  'case_events',
];
const UUID = '00000000-0000-4000-8000-000000000000';
/** The numbers at the edges that every number of a sample is replaced with, one at a time. */
const EXTREMES = [Number.MAX_SAFE_INTEGER, 8.64e15 + 1, 2 ** 31, -1, -(2 ** 31) - 1, 0.5];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '\u0000',
    'a\u0000b',
    '\uD83D',
    '\uDE00x',
    '2026-02-30',
    '0000-00-00',
    '',
    '   ',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '=cmd|calc',
    'x'.repeat(3000),
    'ﬁ𝕏👍🏽',
    UUID,
    'not-a-uuid',
    'NaN',
    '-1',
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e21, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0.5, 253402300800000),
);
const hostileLeaf = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostile: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileLeaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('caseId', 'id', 'text', 'from', '__proto__', 'constructor')),
    tie('value'),
    { maxKeys: 4 },
  ),
})).value;

/** Replaces one leaf of `value` (or drops or adds a key) with a hostile value. */
function plant(value: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0 || mode === 1) {
    return Array.isArray(value) ? [...value, replacement] : { ...(value as object), unexpected: replacement };
  }
  const [key, child] = entries[(path[0] ?? 0) % entries.length]!;
  if (mode === 2 && !Array.isArray(value)) {
    const { [key]: _dropped, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  const next = plant(child, path.slice(1), replacement, path.length > 1 ? mode : 0);
  return Array.isArray(value)
    ? value.map((v, i) => (String(i) === key ? next : v))
    : { ...(value as object), [key]: next };
}

/** A hostile input made from a valid sample: a hostile value alone, or planted into the sample (`plant`, at a path of
 *  at most `depth` steps); a missing sample always gets the hostile value alone. */
const hostileInput = (depth: number) =>
  fc.tuple(hostile, fc.array(fc.nat(), { maxLength: depth }), fc.nat(3), fc.boolean()).map(
    ([bad, where, mode, whole]) =>
      (sample: unknown): unknown =>
        whole || sample === undefined ? bad : plant(sample, where, bad, mode),
  );

describe('fuzz', () => {
  let s: SecurityNode;
  let admin: string;
  let curator: string;
  let socket: ClientSocket;
  let samples: Record<string, unknown>;
  let socketSamples: Record<string, unknown>;
  let intakeKey: string;
  const counts = { http: 0, socket: 0, intake: 0, fiveXX: 0, refused: 0, written: 0 };

  const fingerprint = async (): Promise<string> => {
    // Notifications of earlier accepted requests are stored in the background (a busy organisation's up to
    // DELIVERY_SPACING_MS later): settled first, so a fingerprint shows what the requests themselves wrote.
    await s.node.services.delivery.idle();
    const raw = s.node.running.deps.database.raw;
    if (raw.kind !== 'pglite') throw new Error('PGlite expected');
    const tables = FINGERPRINT_PARTS.slice(0, -3);
    // api_keys without last_used_at: a refused delivery still used its key (bookkeeping, like the audit log).
    const source = (t: string) =>
      t === 'api_keys' ? '(select id, name, key_hash, prefix, revoked_at from api_keys)' : t;
    const parts = tables.map(
      (t) => `(select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from ${source(t)} x)`,
    );
    const { rows } = await raw.client.query<{ f: string }>(
      `select concat_ws('|', ${parts.join(', ')}, (select count(*) from cases), (select coalesce(sum(version), 0) from cases), (select coalesce(max(seq), 0) from case_events)) as f`,
    );
    return rows[0]!.f;
  };

  beforeAll(async () => {
    s = await startSecurityNode({ attachmentsDir: null });
    const p = s.org.people;
    admin = await loginCookie(s.url, p.admin.login);
    curator = await loginCookie(s.url, p.curator.login);
    const operator = await loginCookie(s.url, p.operator.login);
    const { caseId } = await routedCase(
      s.url,
      { operator, curator },
      { departmentId: s.org.departments.roads, executorId: p.roadsExecutor.id },
    );
    const deps = s.node.running.deps;
    const display = await createDisplayToken(deps.db, s.org.organisationId, 'Табло', {});
    ({ key: intakeKey } = await createApiKey(deps.db, s.org.organisationId, 'fuzz'));
    socket = socketOf(s.url, curator);
    await connected(socket);
    samples = {
      'auth.login': { login: p.head.login, password: 'wrong-password' },
      'auth.changePassword': { currentPassword: 'x', newPassword: 'y' },
      'cases.board': { departmentId: s.org.departments.roads, includeClosed: true },
      'cases.detail': { caseId },
      'cases.register': message('фазз'),
      'cases.command': {
        caseId,
        expectedVersion: 3,
        command: { type: 'submit-draft', kind: 'answer', text: 'т', attachments: [] },
      },
      'directory.createDepartment': { name: 'Отдел', supervisingDeputyId: p.deputy.id },
      'directory.updateDepartment': { id: s.org.departments.health, name: 'Здравоохранение' },
      'directory.createPerson': { fullName: 'Ф', login: 'fz', password: 'Длинный-пароль-9', roles: ['observer'] },
      'directory.updatePerson': { id: p.observer.id, roles: ['observer'], active: true },
      'directory.createAbsence': {
        personId: p.roadsExecutor.id,
        substituteId: p.roadsExecutor2.id,
        reason: 'leave',
        startsAt: 1,
        endsAt: 0,
      },
      'directory.deleteAbsence': { id: UUID },
      'directory.setSupervisors': { curatorSupervisorId: p.deputy.id, operatorSupervisorId: null },
      'directory.createTopic': { name: 'Тема', listed: true },
      'directory.updateTopic': { id: UUID, name: 'Тема', active: false },
      'calendar.importOpenData': { fileName: 'c.csv', text: 'Год/Месяц,Январь\n2027,"1,2,3"\n', years: [2027] },
      'calendar.removeImportedYear': { year: 2027 },
      'channels.create': { network: 'vk', url: 'https://vk.com/club1', token: 'short' },
      'channels.update': { id: UUID, title: 'т', enabled: false },
      'channels.setMode': { id: UUID, mode: 'webhook', publicBaseUrl: 'https://example.org' },
      'channels.requestPublication': { caseId, expectedVersion: 3 },
      'channels.retryPublication': { caseId },
      'channels.ofCase': { caseId },
      'channels.threadOfCase': { caseId },
      'organisations.rename': { id: s.other.organisationId, name: 'Другая' },
      'organisations.setArchived': { id: s.other.organisationId, archived: true },
      'setup.complete': {
        code: 'wrong',
        name: 'Н',
        presetId: 'nao-2020',
        timeZone: 'Europe/Moscow',
        admin: { fullName: 'Ф', login: 'setup-fz', password: 'Длинный-пароль-9' },
      },
      'profiles.get': { id: 'konyshevsky-2020' },
      'profiles.create': { profile: { id: 'copy', name: 'x' }, basedOn: 'konyshevsky-2020' },
      'profiles.update': { id: 'konyshevsky-2020', profile: {} },
      'profiles.setForOrganisation': { profileId: 'nope' },
      'calendar.days': { from: '2026-12-01', to: '2026-12-31' },
      'calendar.setOverrides': {
        extraDaysOff: ['2026-02-30'],
        extraWorkingDays: [{ date: '2026-12-26', intervals: [[540, 1020]] }],
      },
      'calendar.setTimeZone': { timeZone: 'Mars/Olympus' },
      'calendar.preview': { step: 'answer', from: 0, category: 'ordinary' },
      'intake.createApiKey': { name: '' },
      'intake.revokeApiKey': { id: UUID },
      'intake.createDisplayToken': { name: '', filters: { departmentId: 'x' } },
      'intake.revokeDisplayToken': { id: UUID },
      'notifications.list': { onlyUnread: true, limit: 5 },
      'reports.monthlySummary': { month: '2026-13' },
      'reports.drilldown': { month: '2026-11', key: 'x', asOf: 0 },
      'reports.cases': { ids: [caseId] },
      'reports.surges': { sinceDays: 30 },
      'reports.setSurgeThresholds': { windowHours: -1 },
      'reports.repeatCandidates': { caseId, limit: 5 },
      'wall.snapshot': { token: display.token },
      'wall.settings': { token: display.token },
      'audit.list': { from: 0, to: 1, action: 'sign-in', text: "' OR 1=1 --", limit: 5 },
      'audit.exportCsv': { action: 'sign-in' },
    };
    socketSamples = {
      'changes:since': { afterSeq: 0, limit: 5 },
      'time:probe': { clientSentAt: 1 },
      'case:join': { caseId },
      'case:leave': { caseId },
      'case:typing': { caseId, typing: true },
      'draft:save': { caseId, slot: 'answer', baseVersion: 999, text: 'т' },
      'notifications:list': { limit: 5 },
      'notifications:mark-read': { ids: [UUID] },
    };
  });
  afterAll(async () => {
    socket?.close();
    await s?.close();
    process.stdout.write(
      `\nfuzz: ${counts.http} HTTP (tRPC) + ${counts.intake} intake + ${counts.socket} socket requests, ${counts.fiveXX} 5xx, ` +
        `${counts.refused} refused, ${counts.written} refused requests that wrote something\n`,
    );
  });

  const procedures = Object.entries(
    (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: 'query' | 'mutation' } }> } })._def
      .procedures,
  );

  it.each(procedures.map(([path, proc]) => [path, proc._def.type] as const))('tRPC %s', async (path, kind) => {
    // auth.logout succeeds with any input and would end the session used: it is fuzzed without one.
    const cookies = path === 'auth.logout' ? [''] : [admin, curator];
    await fc.assert(
      fc.asyncProperty(hostileInput(4), async (toInput) => {
        const input = toInput(samples[path]);
        for (const cookie of cookies) {
          const before = kind === 'mutation' ? await fingerprint() : '';
          const reply = await call(s.url, path, kind, input, cookie);
          counts.http++;
          if (reply.status >= 500) counts.fiveXX++;
          expect(reply.status, `${path} ${JSON.stringify(input)?.slice(0, 300)}: ${reply.message}`).toBeLessThan(500);
          if (reply.status >= 400) {
            counts.refused++;
            if (kind === 'mutation') {
              const after = await fingerprint();
              if (after !== before) counts.written++;
              expect(after, `${path} refused but wrote: ${JSON.stringify(input)?.slice(0, 300)}`).toBe(before);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  /** Every number of a sample replaced by `extreme`, one at a time. */
  function withExtreme(value: unknown, extreme: number): unknown[] {
    if (typeof value === 'number') return [extreme];
    if (Array.isArray(value))
      return value.flatMap((v, i) => withExtreme(v, extreme).map((x) => value.map((w, j) => (j === i ? x : w))));
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => withExtreme(v, extreme).map((x) => ({ ...value, [k]: x })));
    return [];
  }

  // The random search found a far-future instant as a 500 once in a while: every number at its edges, every run.
  it('every number of every sample at its extremes is refused or answered, never a 500', async () => {
    const kinds = new Map(procedures.map(([path, proc]) => [path, proc._def.type]));
    for (const [path, sample] of Object.entries(samples)) {
      for (const extreme of EXTREMES) {
        for (const input of withExtreme(sample, extreme)) {
          const reply = await call(s.url, path, kinds.get(path) ?? 'query', input, admin);
          expect(reply.status, `${path} ${JSON.stringify(input)}: ${reply.message}`).toBeLessThan(500);
        }
      }
    }
  });

  it('intake', async () => {
    const valid = {
      network: 'vk',
      externalId: 'fz',
      url: 'https://vk.com/wall-1_1',
      author: { name: 'Ж', profileUrl: 'https://vk.com/id1' },
      text: 'т',
      postedAt: '2026-11-25T10:00:00+03:00',
      visibility: 'public',
      attachments: [{ url: 'https://vk.com/p.jpg', kind: 'photo' }],
    };
    await fc.assert(
      fc.asyncProperty(hostileInput(4), async (toBody) => {
        const body = toBody({ ...valid, externalId: `fz-${counts.intake}` });
        const before = await fingerprint();
        const res = await fetch(`${s.url}/api/intake`, {
          method: 'POST',
          headers: { authorization: `Bearer ${intakeKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        counts.intake++;
        if (res.status >= 500) counts.fiveXX++;
        expect(res.status, `${JSON.stringify(body)?.slice(0, 300)}: ${await res.clone().text()}`).toBeLessThan(500);
        if (res.status >= 400) {
          counts.refused++;
          const after = await fingerprint();
          const b = before.split('|');
          const changed = after.split('|').flatMap((part, i) => (part === b[i] ? [] : [FINGERPRINT_PARTS[i]]));
          expect(changed, `intake refused (${res.status}) but wrote: ${JSON.stringify(body)?.slice(0, 300)}`).toEqual(
            [],
          );
        }
      }),
      { numRuns: RUNS * 10 },
    );
  });

  /** A socket request's refusal: never an internal error nor a database message, and nothing written. */
  async function expectCleanRefusal(event: string, payload: unknown, before: string) {
    const reply = await ask(socket, event, payload);
    counts.socket++;
    if (reply.ok) return;
    counts.refused++;
    if (/Внутренняя ошибка/.test(reply.error ?? '')) counts.fiveXX++;
    expect(reply.error, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`).not.toMatch(
      /Внутренняя ошибка|select |Failed query/,
    );
    expect(await fingerprint()).toBe(before);
  }

  it('socket events', async () => {
    const events = socketSamples;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(events)), hostileInput(3), async (event, toPayload) => {
        const payload = toPayload(events[event]);
        await expectCleanRefusal(event, payload, await fingerprint());
      }),
      { numRuns: RUNS * 20 },
    );
  });

  // The catch-up feed (changes:since) and every other socket request at the edges of their numbers, every run, as the
  // tRPC procedures are above: answered, or refused without an internal error and without writing.
  it('every number of every socket sample at its extremes is refused cleanly or answered', async () => {
    for (const [event, sample] of Object.entries(socketSamples)) {
      for (const extreme of EXTREMES) {
        for (const payload of withExtreme(sample, extreme))
          await expectCleanRefusal(event, payload, await fingerprint());
      }
    }
  });
});

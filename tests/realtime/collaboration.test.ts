// Presence, co-authoring and notifications on one case: who views and types, drafts that autosave with a version
// and never overwrite a concurrent edit, contributions appearing live, the per-user feed, and the server clock.
import type { Draft, Notification, PresenceState } from '@otklik/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgFixture } from '../../apps/server/src/test/fixtures';
import {
  type ClientSocket,
  connect,
  connected,
  eventually,
  login,
  type NodeProcess,
  registerInput,
  request,
  startNode,
  trpc,
  waitFor,
} from './support/harness';

interface Registered {
  caseId: string;
  version: number;
}

describe('collaboration on a case', () => {
  let node: NodeProcess;
  let org: OrgFixture;
  const cookies: Record<string, string> = {};
  const sockets: ClientSocket[] = [];
  let caseId: string;
  let version: number;

  const client = async (who: string) => {
    const s = connect(node.url, { cookie: cookies[who]! });
    sockets.push(s);
    await connected(s);
    return s;
  };
  const command = async (who: string, cmd: unknown) => {
    const r = await trpc<Registered>(
      node.url,
      'cases.command',
      { caseId, expectedVersion: version, command: cmd },
      { cookie: cookies[who]! },
    );
    version = r.version;
  };

  beforeAll(async () => {
    node = await startNode({
      NODE_SEED: '1',
      NODE_SCHEDULER: '0',
      NODE_TIME_INTERVAL_MS: '300',
      NODE_SESSION_CHECK_MS: '300',
    });
    org = node.fixture!.org;
    const p = org.people;
    const logins = {
      operator: p.operator.login,
      curator: p.curator.login,
      roads: p.roadsExecutor.login,
      housing: p.housingExecutor.login,
      head: p.head.login,
      other: node.fixture!.other.people.curator.login,
    };
    for (const [key, value] of Object.entries(logins)) cookies[key] = await login(node.url, value);
    const r = await trpc<Registered>(node.url, 'cases.register', registerInput('Яма у школы №3'), {
      cookie: cookies.operator!,
    });
    caseId = r.caseId;
    version = r.version;
    await command('operator', {
      type: 'triage',
      topic: 'дороги',
      location: 'ул. Ленина',
      category: 'ordinary',
      processable: true,
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await node?.stop();
  });

  it('routing notifies the executor live; the feed lists it, marks it read and counts', async () => {
    const roads = await client('roads');
    const incoming = waitFor<Notification>(roads, 'notification:new');
    const counted = waitFor<{ unread: number }>(roads, 'notification:count');
    // konyshevsky p.16: a sequential chain, roads first, housing composes the combined answer.
    await command('curator', {
      type: 'route',
      mode: 'sequential',
      assignments: [
        { departmentId: org.departments.roads, executorId: org.people.roadsExecutor.id },
        { departmentId: org.departments.housing, executorId: org.people.housingExecutor.id },
      ],
    });
    const n = await incoming;
    expect(n.kind).toBe('assigned');
    expect(n.caseId).toBe(caseId);
    expect((await counted).unread).toBe(1);
    const feed = await request(roads, 'notifications:list', {});
    expect(feed.items.map((i) => i.id)).toEqual([n.id]);
    expect(feed.unread).toBe(1);
    // The housing executor is second in the chain: not notified yet.
    const housing = await client('housing');
    expect((await request(housing, 'notifications:list', {})).unread).toBe(0);
    // Marking someone else's notification does nothing; one's own brings the count to zero.
    expect((await request(housing, 'notifications:mark-read', { ids: [n.id] })).unread).toBe(0);
    expect((await request(roads, 'notifications:mark-read', { ids: [n.id] })).unread).toBe(0);
    expect((await request(roads, 'notifications:list', { onlyUnread: true })).items).toEqual([]);
  });

  it('shows who views the case and who types, across join, typing and disconnect', async () => {
    const roads = await client('roads');
    const curator = await client('curator');
    const states: PresenceState[] = [];
    roads.on('presence:state', (s) => states.push(s));
    await request(roads, 'case:join', { caseId });
    await request(curator, 'case:join', { caseId });
    const names = (s: PresenceState | undefined) => s?.viewers.map((v) => `${v.fullName}:${v.typing}`);
    await eventually(() =>
      names(states.at(-1))?.join() === 'Исполнитель Дорожный:false,Куратор Кирилл:false' ? true : undefined,
    );
    await request(curator, 'case:typing', { caseId, typing: true });
    await eventually(() => (names(states.at(-1))?.includes('Куратор Кирилл:true') ? true : undefined));
    curator.disconnect();
    await eventually(() => (names(states.at(-1))?.join() === 'Исполнитель Дорожный:false' ? true : undefined));
    // Typing needs the case to be open first; another organisation cannot join at all.
    const housing = await client('housing');
    await expect(request(housing, 'case:typing', { caseId, typing: true })).rejects.toThrow(/Сначала откройте/);
    const stranger = await client('other');
    await expect(request(stranger, 'case:join', { caseId })).rejects.toThrow(/не найдено или недоступно/);
  });

  it('a typing mark that is not renewed expires: no stale "печатает" while the person keeps the case open', async () => {
    const roads = await client('roads');
    const curator = await client('curator');
    const states: PresenceState[] = [];
    roads.on('presence:state', (s) => states.push(s));
    await request(roads, 'case:join', { caseId });
    await request(curator, 'case:join', { caseId });
    await request(curator, 'case:typing', { caseId, typing: true });
    const curatorState = () => states.at(-1)?.viewers.find((v) => v.fullName === 'Куратор Кирилл');
    await eventually(() => (curatorState()?.typing === true ? true : undefined));
    // No "stopped typing" ever arrives (a tab closed mid-word, a lost message): the server drops the mark itself.
    await eventually(() => (curatorState()?.typing === false ? true : undefined));
    expect(curatorState()).toBeDefined();
    curator.disconnect();
  });

  it('a contribution appears live to the case room, and only its department may write it', async () => {
    const roads = await client('roads');
    const housing = await client('housing');
    await request(roads, 'case:join', { caseId });
    await request(housing, 'case:join', { caseId });
    const slot = `contribution:${org.departments.roads}`;
    const live = waitFor<Draft>(housing, 'draft:saved');
    const saved = await request(roads, 'draft:save', { caseId, slot, baseVersion: 0, text: 'Яму засыплем в среду' });
    expect(saved.status).toBe('saved');
    const seen = await live;
    expect(seen).toMatchObject({ slot, text: 'Яму засыплем в среду', version: 1 });
    expect(seen.updatedBy?.personId).toBe(org.people.roadsExecutor.id);
    await expect(request(housing, 'draft:save', { caseId, slot, baseVersion: 1, text: 'чужой текст' })).rejects.toThrow(
      /Нет доступа/,
    );
    // A newcomer to the case gets the drafts on joining.
    const curator = await client('curator');
    const joined = await request(curator, 'case:join', { caseId });
    expect(joined.drafts.find((d) => d.slot === slot)?.text).toBe('Яму засыплем в среду');
  });

  it('a concurrent edit of the answer is a conflict showing both texts, never a silent overwrite', async () => {
    const housing = await client('housing');
    const curator = await client('curator');
    await request(housing, 'case:join', { caseId });
    await request(curator, 'case:join', { caseId });
    // Both start from the empty draft (version 0).
    const first = await request(housing, 'draft:save', {
      caseId,
      slot: 'answer',
      baseVersion: 0,
      text: 'Здравствуйте! Яму засыплем в среду.',
    });
    expect(first.status).toBe('saved');
    const second = await request(curator, 'draft:save', {
      caseId,
      slot: 'answer',
      baseVersion: 0,
      text: 'Добрый день, работы запланированы.',
    });
    expect(second.status).toBe('conflict');
    if (second.status !== 'conflict') return;
    expect(second.current.text).toBe('Здравствуйте! Яму засыплем в среду.');
    expect(second.current.version).toBe(1);
    expect(second.yours).toBe('Добрый день, работы запланированы.');
    // The curator merges on top of version 1; the composer sees the merged text live.
    const live = waitFor<Draft>(housing, 'draft:saved');
    const merged = await request(curator, 'draft:save', {
      caseId,
      slot: 'answer',
      baseVersion: 1,
      text: 'Добрый день! Яму засыплем в среду.',
    });
    expect(merged.status).toBe('saved');
    expect(await live).toMatchObject({ version: 2, text: 'Добрый день! Яму засыплем в среду.' });
    // The composer's stale autosave (from version 1) is refused in turn.
    const stale = await request(housing, 'draft:save', { caseId, slot: 'answer', baseVersion: 1, text: 'старое' });
    expect(stale.status).toBe('conflict');
  });

  it('flagging a case socially significant alerts the head at once, as urgent', async () => {
    const head = await client('head');
    const alert = waitFor<Notification>(head, 'notification:new');
    await command('operator', { type: 'flag-socially-significant', note: 'много комментариев' });
    const n = await alert;
    expect(n).toMatchObject({ kind: 'alert-to-head', urgent: true, caseId });
  });

  it('tells clients the server time on connect, periodically and on request', async () => {
    const s = connect(node.url, { cookie: cookies.curator! }, { autoConnect: false });
    sockets.push(s);
    const hello = waitFor<{ serverTime: number }>(s, 'hello');
    const before = Date.now();
    s.connect();
    const h = await hello;
    // Same machine, same clock: the server's time lies between sending and receiving (plus rounding).
    expect(h.serverTime).toBeGreaterThanOrEqual(before - 5);
    expect(h.serverTime).toBeLessThanOrEqual(Date.now() + 5);
    const tick = await waitFor<{ serverTime: number }>(s, 'server:time', 10_000);
    expect(tick.serverTime).toBeGreaterThan(h.serverTime);
    const sentAt = Date.now();
    const probe = await request(s, 'time:probe', { clientSentAt: 42 });
    expect(probe.clientSentAt).toBe(42);
    // Same machine, same clock: the server read its time between the probe's sending and the reply's arrival.
    expect(probe.serverTime).toBeGreaterThanOrEqual(sentAt - 5);
    expect(probe.serverTime).toBeLessThanOrEqual(Date.now() + 5);
  });

  it('signing out ends the socket too; a wall display is read-only', async () => {
    const cookie = await login(node.url, org.people.observer.login);
    const s = connect(node.url, { cookie });
    sockets.push(s);
    await connected(s);
    const expired = waitFor<{ message: string }>(s, 'auth:expired');
    const gone = new Promise<void>((resolve) => s.once('disconnect', () => resolve()));
    await trpc(node.url, 'auth.logout', {}, { cookie });
    expect((await expired).message).toMatch(/Сеанс завершён/);
    await gone;

    const wall = connect(node.url, { displayToken: node.displayToken! });
    sockets.push(wall);
    await connected(wall);
    await expect(request(wall, 'case:join', { caseId })).rejects.toThrow(/только показывает/);
    await expect(request(wall, 'notifications:list', {})).rejects.toThrow(/read-only/);
  });

  it('a revoked display token ends the wall display’s socket', async () => {
    const admin = await login(node.url, org.people.admin.login);
    const created = await trpc<{ id: string; token: string }>(
      node.url,
      'intake.createDisplayToken',
      { name: 'Табло в холле' },
      { cookie: admin },
    );
    const wall = connect(node.url, { displayToken: created.token });
    sockets.push(wall);
    await connected(wall);
    const expired = waitFor<{ message: string; code: string }>(wall, 'auth:expired');
    await trpc(node.url, 'intake.revokeDisplayToken', { id: created.id }, { cookie: admin });
    // The wall is told its key was revoked (not "sign in again": a wall has nobody to sign in).
    expect(await expired).toMatchObject({ code: 'display-key-revoked', message: expect.stringMatching(/отозван/) });
    await expect(connected(connect(node.url, { displayToken: created.token }))).rejects.toThrow(/отозван/);
  });
});

// Presence, co-authoring and notifications on one case: who views and types, drafts that autosave with a version
// and never overwrite a concurrent edit, contributions appearing live, the per-user feed, and the server clock.
import type { Draft, Notification, PresenceState } from '@otklik/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  connected,
  eventually,
  registerCase,
  request,
  signIn,
  triage,
  useScene,
  waitFor,
} from './support/harness';

describe('collaboration on a case', () => {
  const scene = useScene(
    { NODE_SCHEDULER: '0', NODE_TIME_INTERVAL_MS: '300', NODE_SESSION_CHECK_MS: '300' },
    ({ org: { people: p }, other }) => ({
      operator: p.operator,
      curator: p.curator,
      roads: p.roadsExecutor,
      housing: p.housingExecutor,
      head: p.head,
      other: other.people.curator,
    }),
  );
  let theCase: Awaited<ReturnType<typeof registerCase>>;
  let caseId: string;

  /** The roads executor and the curator both open the case; `states` is the presence the executor is shown. */
  const bothInTheCase = async () => {
    const roads = await scene.socket('roads');
    const curator = await scene.socket('curator');
    const states: PresenceState[] = [];
    roads.on('presence:state', (s) => states.push(s));
    await request(roads, 'case:join', { caseId });
    await request(curator, 'case:join', { caseId });
    return { roads, curator, states };
  };

  beforeAll(async () => {
    theCase = await registerCase(scene.people.operator, 'Яма у школы №3');
    caseId = theCase.caseId;
    await theCase.run(scene.people.operator, triage('дороги', 'ул. Ленина'));
  });

  it('routing notifies the executor live; the feed lists it, marks it read and counts', async () => {
    const roads = await scene.socket('roads');
    const incoming = waitFor<Notification>(roads, 'notification:new');
    const counted = waitFor<{ unread: number }>(roads, 'notification:count');
    const { org } = scene;
    // konyshevsky p.16: a sequential chain, roads first, housing composes the combined answer.
    await theCase.run(scene.people.curator, {
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
    const housing = await scene.socket('housing');
    expect((await request(housing, 'notifications:list', {})).unread).toBe(0);
    // Marking someone else's notification does nothing; one's own brings the count to zero.
    expect((await request(housing, 'notifications:mark-read', { ids: [n.id] })).unread).toBe(0);
    expect((await request(roads, 'notifications:mark-read', { ids: [n.id] })).unread).toBe(0);
    expect((await request(roads, 'notifications:list', { onlyUnread: true })).items).toEqual([]);
  });

  it('shows who views the case and who types, across join, typing and disconnect', async () => {
    const { curator, states } = await bothInTheCase();
    const names = (s: PresenceState | undefined) => s?.viewers.map((v) => `${v.fullName}:${v.typing}`);
    await eventually(() =>
      names(states.at(-1))?.join() === 'Исполнитель Дорожный:false,Куратор Кирилл:false' ? true : undefined,
    );
    await request(curator, 'case:typing', { caseId, typing: true });
    await eventually(() => (names(states.at(-1))?.includes('Куратор Кирилл:true') ? true : undefined));
    curator.disconnect();
    await eventually(() => (names(states.at(-1))?.join() === 'Исполнитель Дорожный:false' ? true : undefined));
    // Typing needs the case to be open first; another organisation cannot join at all.
    const housing = await scene.socket('housing');
    await expect(request(housing, 'case:typing', { caseId, typing: true })).rejects.toThrow(/Сначала откройте/);
    const stranger = await scene.socket('other');
    await expect(request(stranger, 'case:join', { caseId })).rejects.toThrow(/не найдено или недоступно/);
  });

  it('a typing mark that is not renewed expires: no stale "печатает" while the person keeps the case open', async () => {
    const { curator, states } = await bothInTheCase();
    await request(curator, 'case:typing', { caseId, typing: true });
    const curatorState = () => states.at(-1)?.viewers.find((v) => v.fullName === 'Куратор Кирилл');
    await eventually(() => (curatorState()?.typing === true ? true : undefined));
    // No "stopped typing" ever arrives (a tab closed mid-word, a lost message): the server drops the mark itself.
    await eventually(() => (curatorState()?.typing === false ? true : undefined));
    expect(curatorState()).toBeDefined();
    curator.disconnect();
  });

  it('a contribution appears live to the case room, and only its department may write it', async () => {
    const { org } = scene;
    const roads = await scene.socket('roads');
    const housing = await scene.socket('housing');
    await request(roads, 'case:join', { caseId });
    await request(housing, 'case:join', { caseId });
    const slot = `contribution:${org.departments.roads}`;
    const live = waitFor<Draft>(housing, 'draft:saved');
    const saved = await request(roads, 'draft:save', { caseId, slot, baseVersion: 0, text: 'Яму засыплем в среду' });
    expect(saved.status).toBe('saved');
    const seen = await live;
    expect(seen).toMatchObject({ slot, text: 'Яму засыплем в среду', version: 1 });
    expect(seen.updatedBy?.personId).toBe(org.people.roadsExecutor.id);
    await expect(
      request(housing, 'draft:save', { caseId, slot, baseVersion: 1, text: 'чужой текст' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/Нет доступа/), data: { key: 'auth.access-denied' } });
    // A newcomer to the case gets the drafts on joining.
    const curator = await scene.socket('curator');
    const joined = await request(curator, 'case:join', { caseId });
    expect(joined.drafts.find((d) => d.slot === slot)?.text).toBe('Яму засыплем в среду');
  });

  it('a concurrent edit of the answer is a conflict showing both texts, never a silent overwrite', async () => {
    const housing = await scene.socket('housing');
    const curator = await scene.socket('curator');
    await request(housing, 'case:join', { caseId });
    await request(curator, 'case:join', { caseId });
    const saveAnswer = (socket: typeof housing, baseVersion: number, text: string) =>
      request(socket, 'draft:save', { caseId, slot: 'answer', baseVersion, text });
    // Both start from the empty draft (version 0).
    const first = await saveAnswer(housing, 0, 'Здравствуйте! Яму засыплем в среду.');
    expect(first.status).toBe('saved');
    const second = await saveAnswer(curator, 0, 'Добрый день, работы запланированы.');
    expect(second.status).toBe('conflict');
    if (second.status !== 'conflict') return;
    expect(second.current.text).toBe('Здравствуйте! Яму засыплем в среду.');
    expect(second.current.version).toBe(1);
    expect(second.yours).toBe('Добрый день, работы запланированы.');
    // The curator merges on top of version 1; the composer sees the merged text live.
    const live = waitFor<Draft>(housing, 'draft:saved');
    const merged = await saveAnswer(curator, 1, 'Добрый день! Яму засыплем в среду.');
    expect(merged.status).toBe('saved');
    expect(await live).toMatchObject({ version: 2, text: 'Добрый день! Яму засыплем в среду.' });
    // The composer's stale autosave (from version 1) is refused in turn.
    const stale = await saveAnswer(housing, 1, 'старое');
    expect(stale.status).toBe('conflict');
  });

  it('flagging a case socially significant alerts the head at once, as urgent', async () => {
    const head = await scene.socket('head');
    const alert = waitFor<Notification>(head, 'notification:new');
    await theCase.run(scene.people.operator, { type: 'flag-socially-significant', note: 'много комментариев' });
    const n = await alert;
    expect(n).toMatchObject({ kind: 'alert-to-head', urgent: true, caseId });
  });

  it('tells clients the server time on connect, periodically and on request', async () => {
    const s = connect(scene.node.url, { cookie: scene.people.curator.cookie() }, { autoConnect: false });
    const hello = waitFor<{ serverTime: number }>(s, 'hello');
    const before = Date.now();
    s.connect();
    const h = await hello;
    // Same machine, same clock: the server's time lies between sending and receiving (plus rounding).
    expect(h.serverTime).toBeGreaterThanOrEqual(before - 5);
    expect(h.serverTime).toBeLessThanOrEqual(Date.now() + 5);
    const tick = await waitFor<{ serverTime: number }>(s, 'server:time', 10_000);
    // The periodic tick is every socket's at once: it may fall in the same millisecond as this socket's hello.
    expect(tick.serverTime).toBeGreaterThanOrEqual(h.serverTime);
    const sentAt = Date.now();
    const probe = await request(s, 'time:probe', { clientSentAt: 42 });
    expect(probe.clientSentAt).toBe(42);
    // Same machine, same clock: the server read its time between the probe's sending and the reply's arrival.
    expect(probe.serverTime).toBeGreaterThanOrEqual(sentAt - 5);
    expect(probe.serverTime).toBeLessThanOrEqual(Date.now() + 5);
    s.disconnect();
  });

  it('signing out ends the socket too; a wall display is read-only', async () => {
    const { node, org } = scene;
    const observer = await signIn(node.url, org.people.observer.login);
    const s = await scene.socket(observer);
    const expired = waitFor<{ message: string; key?: string }>(s, 'auth:expired');
    const gone = new Promise<void>((resolve) => s.once('disconnect', () => resolve()));
    await observer.api.auth.logout.mutate();
    expect(await expired).toMatchObject({
      message: expect.stringMatching(/Сеанс завершён/),
      key: 'realtime.session-ended',
    });
    await gone;

    const wall = connect(node.url, { displayToken: node.displayToken! });
    await connected(wall);
    // Refused with the catalogue's key (worded by the reader), not a two-language text.
    const readOnly = { data: { code: 'FORBIDDEN', key: 'realtime.display-read-only' } };
    await expect(request(wall, 'case:join', { caseId })).rejects.toMatchObject(readOnly);
    await expect(request(wall, 'notifications:list', {})).rejects.toMatchObject(readOnly);
    wall.disconnect();
  });

  it('a revoked display token ends the wall display’s socket', async () => {
    const { node, org } = scene;
    const admin = await signIn(node.url, org.people.admin.login);
    const created = await admin.api.intake.createDisplayToken.mutate({ name: 'Табло в холле' });
    const wall = connect(node.url, { displayToken: created.token });
    await connected(wall);
    const expired = waitFor<{ message: string; code: string }>(wall, 'auth:expired');
    await admin.api.intake.revokeDisplayToken.mutate({ id: created.id });
    // The wall is told its key was revoked (not "sign in again": a wall has nobody to sign in).
    expect(await expired).toMatchObject({
      code: 'display-key-revoked',
      message: expect.stringMatching(/отозван/),
      key: 'display-key.revoked',
    });
    await expect(connected(connect(node.url, { displayToken: created.token }))).rejects.toThrow(/отозван/);
  });
});

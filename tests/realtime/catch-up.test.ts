// No missed update: a client that was disconnected while changes were committed catches up after reconnecting and
// ends with exactly the organisation's log, in order, once; other organisations' changes never reach it.

import { type CaseChange, createChangeSync, zCaseChanges, zChangesPage } from '@otklik/contract';
import { describe, expect, it } from 'vitest';
import {
  type ClientSocket,
  connect,
  connected,
  eventually,
  nextChange,
  registerInput,
  request,
  signIn,
  useScene,
  waitFor,
} from './support/harness';

/** A socket client that keeps an organisation's changes with the shared client-sync helper. */
function syncedClient(socket: ClientSocket, initialSeq: number) {
  const applied: CaseChange[] = [];
  const sync = createChangeSync<CaseChange>({
    initialSeq,
    // Payloads are validated on receipt with the shared schemas, as the web app does.
    fetchSince: async (afterSeq) => zChangesPage.parse(await request(socket, 'changes:since', { afterSeq })),
    apply: (c) => applied.push(c),
  });
  socket.on('case:changes', (m) => {
    for (const c of zCaseChanges.parse(m).changes) sync.receive(c);
  });
  // Subscribed on connect (the server joins the rooms first), then catch up.
  socket.on('connect', () => void sync.catchUp());
  return { applied, sync };
}

describe('catch-up after a disconnection', () => {
  const scene = useScene({ NODE_SCHEDULER: '0' }, ({ org, other }) => ({
    operator: org.people.operator,
    curator: org.people.curator,
    observer: org.people.observer,
    otherCurator: other.people.curator,
  }));
  const register = (text: string) => scene.people.operator.api.cases.register.mutate(registerInput(text));

  it('a client disconnected during 50 changes sees all 50 after reconnecting, in order, exactly once', async () => {
    const { node } = scene;
    const [curator, observer] = [scene.people.curator.cookie(), scene.people.observer.cookie()];
    const a = connect(node.url, { cookie: curator }, { autoConnect: false });
    const helloA = waitFor<{ headSeq: number }>(a, 'hello');
    a.connect();
    const start = (await helloA).headSeq;
    const clientA = syncedClient(a, start);
    const b = connect(node.url, { cookie: observer }, { autoConnect: false });
    const clientB = syncedClient(b, start);
    b.connect();
    const stranger = connect(node.url, { cookie: scene.people.otherCurator.cookie() });
    const strangerSaw: CaseChange[] = [];
    stranger.on('case:changes', (m) => {
      for (const c of m.changes) strangerSaw.push(c);
    });
    await Promise.all([connected(b), connected(stranger)]);

    // One change while connected, then A drops.
    await register('до обрыва');
    await eventually(() => (clientA.applied.length === 1 ? true : undefined));
    a.disconnect();

    for (let i = 0; i < 50; i++) {
      await register(`изменение ${i}`);
    }
    // Nothing else happens: only the catch-up on reconnect can bring the 50 changes.
    a.connect();
    await eventually(() => (clientA.applied.length === 51 ? true : undefined));
    // Drop again and reconnect while ten more changes are being committed: live pushes and the catch-up overlap.
    a.disconnect();
    const during = Promise.all(Array.from({ length: 10 }, (_, i) => register(`во время ${i}`)));
    a.connect();
    await during;

    // The organisation's whole log after `start`, read by a fresh client from the server.
    const fresh = connect(node.url, { cookie: curator });
    await connected(fresh);
    const all = await request(fresh, 'changes:since', { afterSeq: start });
    expect(all.hasMore).toBe(false);
    expect(all.changes.filter((c) => c.type === 'case-registered')).toHaveLength(61);

    await eventually(() => (clientA.applied.length >= all.changes.length ? true : undefined));
    await eventually(() => (clientB.applied.length >= all.changes.length ? true : undefined));
    const seqs = (list: CaseChange[]) => list.map((c) => c.seq);
    expect(seqs(clientA.applied)).toEqual(seqs(all.changes));
    expect(seqs(clientB.applied)).toEqual(seqs(all.changes));
    // In order and exactly once.
    expect(new Set(seqs(clientA.applied)).size).toBe(clientA.applied.length);
    expect([...seqs(clientA.applied)].sort((x, y) => x - y)).toEqual(seqs(clientA.applied));
    // The 50 changes made while A was away are all among what it applied after reconnecting.
    const texts = clientA.applied.map((c) => (c.payload && 'text' in c.payload ? c.payload.text : undefined));
    for (let i = 0; i < 50; i++) expect(texts).toContain(`изменение ${i}`);
    // Another organisation's curator saw none of it.
    expect(strangerSaw).toEqual([]);
    for (const s of [a, b, stranger, fresh]) s.disconnect();
  });

  it('a wall display gets the changes without personal data; no cookie, no socket', async () => {
    const { node, org } = scene;
    const wall = connect(node.url, { displayToken: node.displayToken! });
    const hello = await waitFor<{ who: { kind: string } }>(wall, 'hello');
    expect(hello.who.kind).toBe('display');
    const change = nextChange(wall);
    await register('Иван пишет про яму');
    const seen = await change;
    expect(seen.type).toBe('case-registered');
    expect(seen.payload).toBeNull();
    expect(seen.actorId).toBeNull();
    // The change carries the wall's row: no author, no text, no names of people.
    expect(seen.row).toMatchObject({ view: 'wall', id: seen.caseId, isOpen: true, status: 'detected' });
    for (const field of ['author', 'excerpt', 'responsiblePersonName', 'url'])
      expect(seen.row).not.toHaveProperty(field);
    expect(JSON.stringify(seen.row)).not.toMatch(/Иван|яму/);
    const page = await request(wall, 'changes:since', { afterSeq: seen.prevSeq });
    expect(page.changes.map((c) => c.payload)).toEqual([null]);
    wall.disconnect();

    // A wall filtered to the Roads department gets a case of no department as a removal, the unfiltered wall its row.
    const admin = await signIn(node.url, org.people.admin.login);
    const made = await admin.api.intake.createDisplayToken.mutate({
      name: 'Табло дорог',
      filters: { departmentId: org.departments.roads },
    });
    const roadsWall = connect(node.url, { displayToken: made.token });
    const allWall = connect(node.url, { displayToken: node.displayToken! });
    await Promise.all([connected(roadsWall), connected(allWall)]);
    const toRoads = nextChange(roadsWall);
    const toAll = nextChange(allWall);
    await register('Ещё одно сообщение');
    const [roadsSeen, allSeen] = await Promise.all([toRoads, toAll]);
    expect(roadsSeen.seq).toBe(allSeen.seq);
    expect(roadsSeen.row).toBeNull();
    expect(allSeen.row).toMatchObject({ view: 'wall', id: allSeen.caseId });
    roadsWall.disconnect();
    allWall.disconnect();

    const anonymous = connect(node.url, {});
    await expect(connected(anonymous)).rejects.toThrow(/Войдите в систему/);
    const badWall = connect(node.url, { displayToken: 'wall_nope' });
    await expect(connected(badWall)).rejects.toThrow(/Ключ табло недействителен/);
  });
});

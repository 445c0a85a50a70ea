// An open case workspace gets each change of its case with what it shows (issue 16): the timeline entries and the
// state after the change, only on sockets that joined the case's room, and in the form their audience may see
// (the head reads the case without the appeal's personal data).
import type { CaseChange, CaseDetailChange } from '@otklik/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ClientSocket, eventually, registerCase, request, routeTo, triage, useScene } from './support/harness';

const appeal = { fullName: 'Сидорова Анна Павловна', address: 'ул. Озёрная, 12, кв. 4', phone: '+7 912 555-01-02' };

describe('the detail of a change reaches the workspaces open on the case', () => {
  // idrinsky-2021 lets a message become an official appeal (its personal data is what readers must not get).
  const scene = useScene({ NODE_SCHEDULER: '0', NODE_PROFILE: 'idrinsky-2021' }, ({ org: { people: p } }) => ({
    operator: p.operator,
    curator: p.curator,
    roads: p.roadsExecutor,
    housing: p.housingExecutor,
    head: p.head,
  }));
  let theCase: Awaited<ReturnType<typeof registerCase>>;

  /** Everything a socket receives of both kinds, in arrival order. */
  const record = (s: ClientSocket) => {
    const got: { changes: CaseChange[]; details: CaseDetailChange[] } = { changes: [], details: [] };
    s.on('case:changes', (m) => {
      for (const c of m.changes) got.changes.push(c);
    });
    s.on('case:detail', (d) => got.details.push(d));
    return got;
  };

  beforeAll(async () => {
    const { org, people } = scene;
    theCase = await registerCase(people.operator, 'Не вывозят мусор с Озёрной');
    await theCase.run(people.operator, triage('благоустройство', 'ул. Озёрная'));
    await theCase.run(people.curator, routeTo(org.departments.roads, org.people.roadsExecutor.id));
  });

  it('participants get the whole change, the head without personal data, nobody outside the room anything', async () => {
    const { caseId } = theCase;
    const roads = await scene.socket('roads');
    const head = await scene.socket('head');
    const curator = await scene.socket('curator');
    // Same person, another tab: joined, then left the case; and the curator's board, never in the room.
    const roadsLeft = await scene.socket('roads');
    const seen = {
      roads: record(roads),
      head: record(head),
      roadsLeft: record(roadsLeft),
      curator: record(curator),
    };
    for (const s of [roads, head]) expect((await request(s, 'case:join', { caseId })).version).toBe(theCase.version());
    await request(roadsLeft, 'case:join', { caseId });
    await request(roadsLeft, 'case:leave', { caseId });
    // Another department's executor may not open the case at all.
    await expect(request(await scene.socket('housing'), 'case:join', { caseId })).rejects.toThrow(/не найдено/);

    const before = theCase.version();
    await theCase.run(scene.people.curator, { type: 'flag-socially-significant' });
    const first = await eventually(() => seen.roads.details[0]);
    expect(first.version).toBe(before + 1);
    expect(first.state.version).toBe(before + 1);
    expect(first.state.sociallySignificant).toBe(true);
    expect(first.entries.map((e) => [e.version, e.type, e.actorName])).toEqual([
      [before + 1, 'flagged-socially-significant', 'Куратор Кирилл'],
    ]);

    // The curator converts it into an official appeal (which closes the case): the personal data reaches the
    // executor taking part, never the head.
    await theCase.run(scene.people.curator, {
      type: 'convert-to-appeal',
      consent: true,
      ...appeal,
      registrationNumber: 'СЭД-9/1',
    });
    const forRoads = await eventually(() => seen.roads.details[1]);
    expect(forRoads.version).toBe(before + 2);
    expect(forRoads.state.appeal?.fullName).toBe(appeal.fullName);
    expect(forRoads.entries).toHaveLength(1);
    expect(forRoads.entries[0]).toMatchObject({
      version: before + 2,
      type: 'converted-to-appeal',
      payload: { fullName: appeal.fullName, phone: appeal.phone },
    });
    const forHead = await eventually(() => seen.head.details[1]);
    expect(forHead.version).toBe(before + 2);
    expect(forHead.state.status).toBe(forRoads.state.status);
    expect(forHead.entries.map((e) => e.type)).toEqual(['converted-to-appeal']);
    const headText = JSON.stringify(forHead);
    for (const secret of Object.values(appeal)) expect(headText).not.toContain(secret);
    // The entry the head got is the one a reload of the detail gives the head.
    const headDetail = await scene.people.head.api.cases.detail.query({ caseId });
    expect(headDetail.timeline.at(-1)).toEqual(forHead.entries[0]);

    // A socket receives a batch's detail before the next batch's change: the sockets outside the room that have the
    // second change would have had the first detail.
    await eventually(() => seen.roadsLeft.changes.find((c) => c.version === before + 2));
    await eventually(() => seen.curator.changes.find((c) => c.version === before + 2));
    expect(seen.roadsLeft.details).toEqual([]);
    expect(seen.curator.details).toEqual([]);
  });
});

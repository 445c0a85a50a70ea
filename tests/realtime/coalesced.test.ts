// Issue 15: the changes of an organisation committed within the broadcast's window reach each receiver in one
// `case:changes` message (apps/server/src/realtime/broadcast.ts), not one message per change. Each message keeps the
// receiver's own sequence (in seq order, each prevSeq the seq of the change before it), carries each case's row once
// (with its last change there), in the snapshot's compact form; a receiver gets only the changes of cases it may see.
// The node's window is lengthened to 1.5 s so that changes committed together fall into one window on a busy machine.
import type { CaseChange, CaseChanges } from '@otklik/contract';
import { describe, expect, it } from 'vitest';
import { eventually, orgPeople, registerCase, registerInput, routeTo, triage, useScene } from './support/harness';

describe('changes committed together reach a receiver in one message', () => {
  const scene = useScene(
    { NODE_SCHEDULER: '0', NODE_BROADCAST_MS: '1500' },
    orgPeople('operator', 'curator', 'roadsExecutor', 'housingExecutor'),
  );

  it('in seq order, chained, each case once with its compact row, only to whom may see it', async () => {
    const { org, people } = scene;
    const theCase = await registerCase(people.operator, 'Яма на улице Ленина, дом 3');
    await theCase.run(people.operator, triage('дороги', 'улица Ленина'));
    await theCase.run(people.curator, routeTo(org.departments.roads, org.people.roadsExecutor.id));

    const received: Record<'curator' | 'roads' | 'housing', CaseChanges[]> = { curator: [], roads: [], housing: [] };
    for (const [key, who] of [
      ['curator', 'curator'],
      ['roads', 'roadsExecutor'],
      ['housing', 'housingExecutor'],
    ] as const) {
      (await scene.socket(who)).on('case:changes', (m) => received[key].push(m));
    }

    // Six messages registered and the Roads case flagged and recategorised, all at once.
    const registered = await Promise.all(
      Array.from({ length: 6 }, (_, i) => people.operator.api.cases.register.mutate(registerInput(`Обращение ${i}`))),
    );
    await theCase.run(people.curator, { type: 'flag-socially-significant' });
    await theCase.run(people.curator, { type: 'recategorise', location: 'улица Ленина, 5', reason: 'уточнили' });
    const flagged = theCase.version();

    const committed = new Set(registered.flatMap((r) => r.events.map((e) => e.seq)));
    const curatorGot = () => received.curator.flatMap((m) => m.changes);
    await eventually(() => {
      const got = curatorGot();
      const all = [...committed].every((seq) => got.some((c) => c.seq === seq));
      return all && got.some((c) => c.caseId === theCase.caseId && c.version === flagged) ? true : undefined;
    });

    // The curator sees every change of the organisation: fewer messages than changes, one sequence through them.
    const changes = curatorGot();
    expect(received.curator.length).toBeLessThan(changes.length);
    for (let i = 1; i < changes.length; i++) {
      expect(changes[i]!.seq).toBeGreaterThan(changes[i - 1]!.seq);
      expect(changes[i]!.prevSeq).toBe(changes[i - 1]!.seq);
    }
    for (const message of received.curator) {
      // Each case's row goes with its last change of the message only; a board row's clocks name their rule by
      // index into the message's rules.
      const lastOf = new Map<string, CaseChange>(message.changes.map((c) => [c.caseId, c]));
      for (const change of message.changes) {
        if (lastOf.get(change.caseId) !== change) expect(change).not.toHaveProperty('row');
        else expect(change.row).toMatchObject({ view: 'board', id: change.caseId, isOpen: true });
      }
      for (const change of message.changes) {
        const row = change.row;
        if (row?.view !== 'board') continue;
        for (const clock of row.clocks) expect(message.rules[clock.rule]).toBeDefined();
        expect(row).not.toHaveProperty('partyDepartmentIds');
      }
    }

    // The Roads executor got the changes of the Roads case and nothing of the new messages; ЖКХ nothing of either.
    await eventually(() =>
      received.roads.flatMap((m) => m.changes).some((c) => c.version === flagged) ? true : undefined,
    );
    const roads = received.roads.flatMap((m) => m.changes);
    expect(new Set(roads.map((c) => c.caseId))).toEqual(new Set([theCase.caseId]));
    // Their own sequence: the seqs of the messages in between are no gap for them.
    for (let i = 1; i < roads.length; i++) expect(roads[i]!.prevSeq).toBe(roads[i - 1]!.seq);
    expect(roads.at(-1)?.row).toMatchObject({ view: 'board', location: 'улица Ленина, 5' });
    // A live row is what a reload shows: the Roads executor's last live row of the case, its clocks' rules looked
    // up in its message's rules, equals the case's row in the board snapshot they would load now (GET /api/board).
    const withRules = (row: unknown, rules: Record<string, unknown>) => {
      const { view: _view, ...columns } = row as { view?: string; clocks: { rule: string }[] };
      return { ...columns, clocks: columns.clocks.map((c) => ({ ...c, rule: rules[c.rule] })) };
    };
    const lastMessage = received.roads.findLast((m) => m.changes.some((c) => c.caseId === theCase.caseId && c.row));
    const liveRow = lastMessage!.changes.findLast((c) => c.caseId === theCase.caseId && c.row)!.row;
    const reload = await fetch(`${scene.node.url}/api/board`, { headers: { cookie: people.roadsExecutor.cookie() } });
    expect(reload.status).toBe(200);
    const snapshot = (await reload.json()) as { cases: { id: string }[]; rules: Record<string, unknown> };
    const shown = snapshot.cases.find((r) => r.id === theCase.caseId);
    expect(liveRow).toMatchObject({ version: flagged });
    expect(withRules(liveRow, lastMessage!.rules)).toEqual(withRules(shown, snapshot.rules));
    const housing = received.housing.flatMap((m) => m.changes);
    expect(housing.filter((c) => c.caseId === theCase.caseId)).toEqual([]);
    for (const r of registered) expect(housing.map((c) => c.caseId)).not.toContain(r.caseId);
  });
});

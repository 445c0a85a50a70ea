// The receiver's own sequence: a change's prevSeq is the last change sent to the receiver's view group, so changes of
// cases a group may not see leave no gap in its sequence.
import type { Audience } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { createViewGroups } from './view-groups';

const org = 'org-1';
interface CaseAudiences {
  readonly participants: Audience[];
  readonly readers: Audience[];
}
const roadsCase: CaseAudiences = {
  participants: ['org:participants', 'dept:roads:executors', 'person:ivan'],
  readers: ['org:readers', 'dept:roads:heads'],
};
const housingCase: CaseAudiences = {
  participants: ['org:participants', 'dept:housing:executors', 'person:olga'],
  readers: ['org:readers', 'dept:housing:heads'],
};
const aud = (c: CaseAudiences) => c;

describe('view groups', () => {
  it('each group chains the changes sent to it; a first change carries the organisation’s previous seq', () => {
    const groups = createViewGroups();
    const curators = groups.join(org, ['org:participants']);
    const ivan = groups.join(org, ['dept:roads:executors', 'person:ivan']);
    const head = groups.join(org, ['org:readers']);

    // seq 10 (roads): everyone sees it; nobody was sent anything before, so each gets the organisation's 9.
    expect(groups.route(org, { seq: 10, orgPrevSeq: 9 }, aud(roadsCase))).toEqual([
      { room: curators, kind: 'staff', prevSeq: 9 },
      { room: ivan, kind: 'staff', prevSeq: 9 },
      { room: head, kind: 'reader', prevSeq: 9 },
    ]);
    // seq 11 (housing): not Ivan's.
    expect(groups.route(org, { seq: 11, orgPrevSeq: 10 }, aud(housingCase))).toEqual([
      { room: curators, kind: 'staff', prevSeq: 10 },
      { room: head, kind: 'reader', prevSeq: 10 },
    ]);
    // seq 12 (roads): Ivan's previous is 10, not the organisation's 11.
    expect(groups.route(org, { seq: 12, orgPrevSeq: 11 }, aud(roadsCase))).toEqual([
      { room: curators, kind: 'staff', prevSeq: 11 },
      { room: ivan, kind: 'staff', prevSeq: 10 },
      { room: head, kind: 'reader', prevSeq: 11 },
    ]);
  });

  it('two sockets with the same audiences share a group; the last one leaving forgets it', () => {
    const groups = createViewGroups();
    const a = groups.join(org, ['person:ivan', 'dept:roads:executors']);
    const b = groups.join(org, ['dept:roads:executors', 'person:ivan']);
    expect(b).toBe(a);
    groups.route(org, { seq: 5, orgPrevSeq: 4 }, aud(roadsCase));
    groups.leave(org, ['dept:roads:executors', 'person:ivan']);
    expect(groups.route(org, { seq: 7, orgPrevSeq: 6 }, aud(roadsCase))).toEqual([
      { room: a, kind: 'staff', prevSeq: 5 },
    ]);
    groups.leave(org, ['dept:roads:executors', 'person:ivan']);
    expect(groups.route(org, { seq: 8, orgPrevSeq: 7 }, aud(roadsCase))).toEqual([]);
  });

  it('a group formed after changes were sent starts from the last of them, not from the organisation’s next', () => {
    const groups = createViewGroups();
    const curators = groups.join(org, ['org:participants']);
    groups.route(org, { seq: 20, orgPrevSeq: 19 }, aud(roadsCase));
    // Ivan connects now: his start (read after joining) covers seq 20.
    const ivan = groups.join(org, ['dept:roads:executors', 'person:ivan']);
    groups.route(org, { seq: 21, orgPrevSeq: 20 }, aud(housingCase));
    expect(groups.route(org, { seq: 22, orgPrevSeq: 21 }, aud(roadsCase))).toEqual([
      { room: curators, kind: 'staff', prevSeq: 21 },
      { room: ivan, kind: 'staff', prevSeq: 20 },
    ]);
    // A change of a case nobody may see still counts as sent for the groups formed after it.
    groups.route(org, { seq: 23, orgPrevSeq: 22 }, { participants: [], readers: [] });
    const olga = groups.join(org, ['dept:housing:executors', 'person:olga']);
    expect(groups.route(org, { seq: 24, orgPrevSeq: 23 }, aud(housingCase))).toEqual([
      { room: curators, kind: 'staff', prevSeq: 22 },
      { room: olga, kind: 'staff', prevSeq: 23 },
    ]);
  });

  it('changes that passed by while nobody of the organisation was connected: a group formed after starts after them', () => {
    // Seqs 30–32 committed with no receiver here: the node records only where they ended. Ivan joins (his snapshot
    // holds 32); 33 is a housing case he may not see; 34 is his: it follows 32, no gap for him.
    const passed = createViewGroups();
    passed.passed(org, 32);
    // The same as routing each of them to nobody.
    const routed = createViewGroups();
    for (const seq of [30, 31, 32]) routed.route(org, { seq, orgPrevSeq: seq - 1 }, aud(roadsCase));
    for (const groups of [passed, routed]) {
      const ivan = groups.join(org, ['dept:roads:executors', 'person:ivan']);
      expect(groups.route(org, { seq: 33, orgPrevSeq: 32 }, aud(housingCase))).toEqual([]);
      expect(groups.route(org, { seq: 34, orgPrevSeq: 33 }, aud(roadsCase))).toEqual([
        { room: ivan, kind: 'staff', prevSeq: 32 },
      ]);
    }
  });

  it('another organisation’s groups are not touched', () => {
    const groups = createViewGroups();
    groups.join('org-2', ['org:participants']);
    expect(groups.route(org, { seq: 3, orgPrevSeq: 2 }, aud(roadsCase))).toEqual([]);
  });
});

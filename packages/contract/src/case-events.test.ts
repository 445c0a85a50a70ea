// The events schema keeps every field of the domain's events (an output schema drops what it does not name) and
// refuses what is not an event.
import type { CaseEvent } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { zCaseEvent } from './case-events';
import { zCommittedEvent } from './realtime-events';

const at = Date.UTC(2026, 10, 24, 9, 0);
const events: CaseEvent[] = [
  {
    type: 'case-registered',
    at,
    by: 'system',
    caseId: 'c1',
    profileId: 'konyshevsky-2020',
    network: 'vk',
    link: 'https://vk.com/wall-1_2',
    author: { name: 'Иван Петров', profileUrl: 'https://vk.com/id1' },
    text: 'Яма на дороге',
    attachments: [{ kind: 'photo', url: 'https://example.org/1.jpg', name: 'яма.jpg' }],
    visibility: 'public',
    externalId: 'vk:1_2',
    postedAt: at - 60_000,
    clocks: { triage: { start: 'detected', stop: 'triaged', holder: 'operator' } },
    classification: { topic: 'Дороги', topicListed: true },
  },
  // An older event's `category: 'high'`.
  { type: 'case-triaged', at, by: 'p1', topic: 'Дороги', location: 'Беляево', category: 'high' },
  {
    type: 'case-routed',
    at,
    by: 'p2',
    mode: 'sequential',
    assignments: [{ departmentId: 'd1', executorId: 'p3' }],
    reroute: false,
    forwarded: true,
  },
  {
    type: 'draft-submitted',
    at,
    by: 'p3',
    kind: 'answer',
    text: 'Отремонтируем',
    attachments: [],
    evidence: { outcome: 'solved', attachments: [{ kind: 'photo', url: 'https://example.org/2.jpg' }] },
    composed: false,
  },
  {
    type: 'answer-published',
    at,
    by: 'p3',
    kind: 'answer',
    where: { kind: 'same-thread', url: 'https://vk.com/wall-1_2?reply=3', postId: '3' },
  },
  {
    type: 'clock-breached',
    at,
    by: 'system',
    clockId: 'answer@1',
    dueAt: at,
    breachAt: at,
    holders: [{ role: 'executor', personId: 'p3', departmentId: 'd1' }],
  },
  { type: 'publication-failed', at, by: 'system', requestId: 'r1', error: { code: 'x', message: 'y' }, retrying: true },
];

describe('zCaseEvent', () => {
  it.each(events.map((e) => [e.type, e] as const))('%s passes with every field kept', (_, event) => {
    expect(zCaseEvent.parse(event)).toEqual(event);
  });

  it('refuses an unknown event type and an event without its fields', () => {
    expect(zCaseEvent.safeParse({ type: 'case-exploded', at, by: 'p1' }).success).toBe(false);
    expect(zCaseEvent.safeParse({ type: 'case-forwarded', at, by: 'p1' }).success).toBe(false);
  });

  it('a committed event carries its seq and the whole event', () => {
    const committed = {
      seq: 41,
      caseId: 'c1',
      organisationId: 'o1',
      version: 2,
      type: 'case-triaged',
      actorId: 'p1',
      occurredAt: at,
      payload: events[1],
    };
    expect(zCommittedEvent.parse({ ...committed, prevSeq: 40 })).toEqual(committed);
  });
});

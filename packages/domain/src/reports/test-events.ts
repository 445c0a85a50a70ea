// Tests only: terse builders of case events for hand-built histories (times as local ISO strings with an offset).
import type { CaseEvent } from '../workflow/events';

const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
};
const place = { kind: 'same-thread' } as const;

/** Builds one case's history; `msk` times are Europe/Moscow wall times 'YYYY-MM-DDTHH:MM'. */
export function history(caseId: string, profileId = 'konyshevsky-2020', offset = '+03:00') {
  const events: CaseEvent[] = [];
  const t = (local: string) => at(`${local}:00${offset}`);
  const b = {
    events,
    registered(when: string, by: string, extra: { author?: string; text?: string; network?: 'vk' | 'ok' } = {}) {
      events.push({
        type: 'case-registered',
        at: t(when),
        by,
        caseId,
        profileId,
        network: extra.network ?? 'vk',
        link: `https://vk.com/wall-1_${caseId}`,
        author: { name: extra.author ?? 'Иван Петров' },
        text: extra.text ?? 'Яма на дороге',
        attachments: [],
        visibility: 'public',
        overallStep: 'answer',
        triageEndsAt: 'triaged',
      });
      return b;
    },
    triaged(when: string, by: string, topic: string, location: string, category: 'ordinary' | 'high' = 'ordinary') {
      events.push({ type: 'case-triaged', at: t(when), by, topic, location, category });
      return b;
    },
    routed(
      when: string,
      by: string,
      mode: 'single' | 'sequential' | 'parallel',
      pairs: [string, string][],
      reroute = false,
    ) {
      const assignments = pairs.map(([departmentId, executorId]) => ({ departmentId, executorId }));
      events.push({ type: 'case-routed', at: t(when), by, mode, assignments, reroute });
      return b;
    },
    returned(when: string, by: string, departmentId: string) {
      events.push({ type: 'case-returned', at: t(when), by, departmentId, reason: 'не наша компетенция' });
      return b;
    },
    contributed(when: string, by: string, departmentId: string) {
      events.push({ type: 'contribution-submitted', at: t(when), by, departmentId, text: 'часть', attachments: [] });
      return b;
    },
    draft(when: string, by: string, kind: 'answer' | 'intermediate' = 'answer', composed = false) {
      events.push({ type: 'draft-submitted', at: t(when), by, kind, text: 'проект', attachments: [], composed });
      return b;
    },
    approved(when: string, by: string, publisher: 'executor' | 'curator' = 'executor') {
      events.push({ type: 'draft-approved', at: t(when), by, publisher });
      return b;
    },
    revision(when: string, by: string) {
      events.push({ type: 'revision-requested', at: t(when), by, reason: 'уточните сроки' });
      return b;
    },
    published(when: string, by: string) {
      events.push({ type: 'answer-published', at: t(when), by, kind: 'answer', where: place });
      return b;
    },
    intermediate(when: string, by: string) {
      events.push({ type: 'intermediate-published', at: t(when), by, where: place });
      return b;
    },
  };
  return b;
}

export { at };

// City of Slavgorod (Altai krai), Postanovlenie No 583 of 28.07.2020: the executor's 24 hours and the final answer.
import type { ProfileInput } from '../schema';
import { clock, dur, groundsWithoutInsult } from './common';

export const slavgorod2020: ProfileInput = {
  id: 'slavgorod-2020',
  name: 'Город Славгород, постановление № 583 от 28.07.2020',
  source: 'seeds/slavgorod-2020.txt',
  timeZone: 'Asia/Barnaul',
  steps: {
    // p.5: the executor prepares the answer within 24 hours of receiving the message (the text says hours, not
    // working hours: calendar time).
    draft: dur(24, 'calendar-hours', 'received', 'p.5'),
    final: dur(7, 'working-days', 'intermediate-published', 'p.7'),
  },
  clocks: {
    // p.4: the monitoring specialist detects and passes the message on; the document sets no limit.
    triage: clock(null, 'detected', 'routed', 'operator', 'p.4'),
    // p.5–6: the executor's 24 hours bound the preparation, which ends when the draft goes to the specialist.
    draft: clock('draft', 'received', 'draft-sent', 'composer', 'p.5'),
    // No case-wide limit: the clock runs for the time each holder had the case.
    answer: clock(null, 'detected', 'published', 'case', 'p.5'),
    // p.7: "направления окончательного ответа" — the final answer sent (to the specialist) within 7 working days.
    final: clock('final', 'intermediate-published', 'final-draft-sent', 'composer', 'p.7'),
  },
  categories: ['ordinary'],
  overrides: [],
  chain: { modes: [], forwarded: false },
  // p.4: the monitoring specialist agrees answers; the document does not name an executor as publisher.
  publisher: 'curator',
  rejectionGrounds: groundsWithoutInsult('p.11'),
  endings: ['answered', 'rejected'],
  atRiskShare: 0.25,
};

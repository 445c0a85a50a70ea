// City of Slavgorod (Altai krai), Postanovlenie No 583 of 28.07.2020: one 24-hour limit and the final answer.
import type { ProfileInput } from '../schema';
import { commonGrounds, dur } from './common';

export const slavgorod2020: ProfileInput = {
  id: 'slavgorod-2020',
  name: 'Город Славгород, постановление № 583 от 28.07.2020',
  source: 'seeds/slavgorod-2020.txt',
  timeZone: 'Asia/Barnaul',
  // p.5 is the only limit before the answer, so it bounds the whole case.
  overallStep: 'draft',
  triageEndsAt: 'routed',
  steps: {
    // p.5: the executor prepares the answer within 24 hours of receiving the message (the text says hours, not
    // working hours: calendar time).
    draft: dur(24, 'calendar-hours', 'received', 'p.5'),
    final: dur(7, 'working-days', 'intermediate-published', 'p.7'),
  },
  overrides: [],
  chain: { modes: [] },
  // p.4: the monitoring specialist agrees answers; the document does not name an executor as publisher.
  publisher: 'curator',
  rejectionGrounds: commonGrounds('p.11'),
  endings: ['answered', 'rejected'],
  atRiskShare: 0.25,
};

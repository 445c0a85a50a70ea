// Krasnoufimsky okrug (Sverdlovsk oblast), Postanovlenie No 83 of 28.07.2021: categories, parallel executors,
// calendar-day terms that roll to the next working day (p.9).
import type { ProfileInput } from '../schema';
import { commonGrounds, dur, wm } from './common';

export const krasnoufimsk2021: ProfileInput = {
  id: 'krasnoufimsk-2021',
  name: 'Красноуфимский округ, постановление № 83 от 28.07.2021',
  source: 'seeds/krasnoufimsk-2021.txt',
  timeZone: 'Asia/Yekaterinburg',
  overallStep: 'answer',
  triageEndsAt: 'routed',
  steps: {
    // p.10: "from reading the message in the system" — reading is when it is detected.
    triage: wm(30, 'detected', 'p.10'),
    return: wm(30, 'received', 'p.11'),
    // p.10 again: the returned message is routed like a new one.
    reroute: wm(30, 'returned', 'p.10'),
    contribution: wm(120, 'received', 'p.17'),
    answer: wm(360, 'detected', 'p.12'),
    draft: { kind: 'same-as', step: 'answer', source: 'p.13' },
    approve: wm(30, 'draft-submitted', 'p.14'),
    revise: wm(30, 'revision-requested', 'p.15'),
    publish: wm(30, 'approved', 'p.16'),
    final: dur(8, 'calendar-days', 'detected', 'p.12'),
    'fast-track': dur(8, 'calendar-days', 'detected', 'p.8'),
  },
  overrides: [{ step: 'answer', category: 'high', rule: wm(180, 'detected', 'p.12') }],
  chain: { modes: ['parallel'], source: 'p.17' },
  publisher: 'curator',
  rejectionGrounds: commonGrounds('p.21'),
  endings: ['answered', 'rejected'],
  atRiskShare: 0.25,
};

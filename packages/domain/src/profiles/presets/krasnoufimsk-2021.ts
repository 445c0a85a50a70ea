// Krasnoufimsky okrug (Sverdlovsk oblast), Postanovlenie No 83 of 28.07.2021: categories with a high-importance
// flag, parallel executors composed by the curator, calendar-day terms that roll to the next working day (p.9).
import type { ProfileInput } from '../schema';
import { clock, commonGrounds, dur, wm } from './common';

export const krasnoufimsk2021: ProfileInput = {
  id: 'krasnoufimsk-2021',
  name: 'Красноуфимский округ, постановление № 83 от 28.07.2021',
  source: 'seeds/krasnoufimsk-2021.txt',
  timeZone: 'Asia/Yekaterinburg',
  steps: {
    // p.10: "from reading the message in the system" — reading is when it is detected.
    triage: wm(30, 'detected', 'p.10'),
    return: wm(30, 'received', 'p.11'),
    // p.10 again: the returned message is routed like a new one.
    reroute: wm(30, 'returned', 'p.10'),
    contribution: wm(120, 'received', 'p.17'),
    // p.12–13: the answer is *prepared* (the draft sent to the curator) within 6 hours of detection.
    draft: wm(360, 'detected', 'p.12'),
    // p.12 speaks of "подготовка ответов": the answer's preparation, i.e. the draft. The published answer has no
    // limit of its own (p.14 and p.16 add 30 + 30 minutes), see clocks.answer.
    answer: { kind: 'same-as', step: 'draft', source: 'p.12' },
    approve: wm(30, 'draft-submitted', 'p.14'),
    revise: wm(30, 'revision-requested', 'p.15'),
    publish: wm(30, 'approved', 'p.16'),
    final: dur(8, 'calendar-days', 'detected', 'p.12'),
    'fast-track': dur(8, 'calendar-days', 'detected', 'p.8'),
  },
  clocks: {
    triage: clock('triage', 'detected', 'routed', 'curator', 'p.10'),
    return: clock('return', 'received', 'returned', 'executor', 'p.11'),
    reroute: clock('reroute', 'returned', 'routed', 'curator', 'p.10'),
    // p.17: parts go to the curator in parallel, 2 hours each from receipt.
    contribution: clock('contribution', 'received', 'part-sent', 'executor', 'p.17'),
    // p.12–13 with REGULATIONS.md "Clocks exactly": the composer's duty starts when the case is routed to them
    // (their receipt) and stops when the draft is sent to the curator; its due instant is still the p.12 limit,
    // 6 (high: 3) working hours from detection. The time before routing is the triage clock's, the curator's.
    draft: clock('draft', 'received', 'draft-sent', 'composer', 'p.13'),
    approve: clock('approve', 'draft-submitted', 'approved', 'curator', 'p.14'),
    revise: clock('revise', 'revision-requested', 'draft-sent', 'composer', 'p.15'),
    publish: clock('publish', 'approved', 'published', 'publisher', 'p.16'),
    // No case-wide limit: the clock runs for the time each holder had the case.
    answer: clock(null, 'detected', 'published', 'case', 'p.12'),
    // p.12, p.23: the final answer is *published* within 8 days of detection; the curator answers for publication.
    final: clock('final', 'intermediate-published', 'final-published', 'curator', 'p.12'),
    'fast-track': clock('fast-track', 'detected', 'answered', 'case', 'p.8'),
  },
  categories: ['ordinary', 'fast-track'],
  // p.8.3, p.12: high importance (on top of ordinary or fast-track) — 3 hours instead of 6.
  overrides: [{ step: 'draft', high: true, rule: wm(180, 'detected', 'p.12') }],
  chain: { modes: ['parallel'], forwarded: false, source: 'p.17' },
  publisher: 'curator',
  rejectionGrounds: commonGrounds('p.21'),
  endings: ['answered', 'rejected'],
  atRiskShare: 0.25,
};

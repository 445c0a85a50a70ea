// Konyshevsky district (Kursk oblast), Postanovlenie No 102-pa of 10.03.2020: sequential chains forwarded by the
// curator, the executor publishes.
import type { ProfileInput } from '../schema';
import { clock, commonGrounds, dur, wm } from './common';

export const konyshevsky2020: ProfileInput = {
  id: 'konyshevsky-2020',
  name: 'Конышевский район, постановление № 102-па от 10.03.2020',
  source: 'seeds/konyshevsky-2020.txt',
  timeZone: 'Europe/Moscow',
  steps: {
    triage: wm(30, 'detected', 'p.7'),
    return: wm(30, 'received', 'p.8'),
    reroute: wm(30, 'returned', 'p.9'),
    contribution: wm(120, 'received', 'p.16'),
    answer: wm(480, 'detected', 'p.10'),
    draft: { kind: 'before', step: 'answer', workingMinutes: 240, source: 'p.11' },
    approve: wm(30, 'draft-submitted', 'p.12'),
    revise: wm(60, 'revision-requested', 'p.13'),
    publish: wm(30, 'approved', 'p.14'),
    final: dur(7, 'working-days', 'intermediate-published', 'p.15'),
  },
  clocks: {
    // p.7: the operator passes the message to the curator within 30 minutes of detection.
    triage: clock('triage', 'detected', 'triaged', 'operator', 'p.7'),
    return: clock('return', 'received', 'returned', 'executor', 'p.8'),
    reroute: clock('reroute', 'returned', 'routed', 'curator', 'p.9'),
    // p.16: each executor's part, from the moment the curator forwards the message to them.
    contribution: clock('contribution', 'received', 'part-sent', 'executor', 'p.16'),
    // p.11: the draft goes to the curator 4 h before the p.10 term; it stops when sent, not at publication.
    draft: clock('draft', 'received', 'draft-sent', 'composer', 'p.11'),
    approve: clock('approve', 'draft-submitted', 'approved', 'curator', 'p.12'),
    revise: clock('revise', 'revision-requested', 'draft-sent', 'composer', 'p.13'),
    publish: clock('publish', 'approved', 'published', 'publisher', 'p.14'),
    // p.10: "подготовка и размещение ответа" — whoever holds the case at each instant.
    answer: clock('answer', 'detected', 'published', 'case', 'p.10'),
    // p.15: the final *draft* (окончательный проект ответа) within 7 working days.
    final: clock('final', 'intermediate-published', 'final-draft-sent', 'composer', 'p.15'),
  },
  categories: ['ordinary'],
  overrides: [],
  chain: { modes: ['sequential'], forwarded: true, source: 'p.16' },
  publisher: 'executor',
  rejectionGrounds: commonGrounds('p.20'),
  endings: ['answered', 'rejected'],
  atRiskShare: 0.25,
};

// Konyshevsky district (Kursk oblast), Postanovlenie No 102-pa of 10.03.2020: sequential chains, the executor publishes.
import type { ProfileInput } from '../schema';
import { commonGrounds, dur, wm } from './common';

export const konyshevsky2020: ProfileInput = {
  id: 'konyshevsky-2020',
  name: 'Конышевский район, постановление № 102-па от 10.03.2020',
  source: 'seeds/konyshevsky-2020.txt',
  timeZone: 'Europe/Moscow',
  overallStep: 'answer',
  // p.7: the operator passes the message to the curator within 30 minutes of detection.
  triageEndsAt: 'triaged',
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
  overrides: [],
  chain: { modes: ['sequential'], source: 'p.16' },
  publisher: 'executor',
  rejectionGrounds: commonGrounds('p.20'),
  endings: ['answered', 'rejected'],
  atRiskShare: 0.25,
};

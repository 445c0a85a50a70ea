// Nenets Autonomous Okrug, Prikaz of the Department of Internal Policy, March 2020: sequential chains forwarded by
// the curator, listed topics with a 4-hour answer, the curator publishes.
import type { ProfileInput } from '../schema';
import { clock, commonGrounds, dur, wm } from './common';

export const nao2020: ProfileInput = {
  id: 'nao-2020',
  name: 'Ненецкий автономный округ, приказ ДВП, март 2020',
  source: 'seeds/nao-2020.txt',
  timeZone: 'Europe/Moscow',
  steps: {
    triage: wm(30, 'detected', 'p.14'),
    return: wm(30, 'received', 'p.15'),
    reroute: wm(30, 'returned', 'p.14'),
    contribution: wm(120, 'received', 'p.22'),
    answer: wm(480, 'detected', 'p.16'),
    // p.17 refers to "the term of p.17" — a slip for p.16, the answer deadline.
    draft: { kind: 'before', step: 'answer', workingMinutes: 240, source: 'p.17' },
    approve: wm(30, 'draft-submitted', 'p.18'),
    revise: wm(60, 'revision-requested', 'p.19'),
    publish: wm(30, 'approved', 'p.20'),
    final: dur(7, 'working-days', 'intermediate-published', 'p.21'),
  },
  clocks: {
    // p.14: the curator triages and sends the message to the executive body within 30 minutes.
    triage: clock('triage', 'detected', 'routed', 'curator', 'p.14'),
    return: clock('return', 'received', 'returned', 'executor', 'p.15'),
    reroute: clock('reroute', 'returned', 'routed', 'curator', 'p.14'),
    // p.22.2–3: parts go to the curator, who forwards; each executor's 2 hours run from its receipt.
    contribution: clock('contribution', 'received', 'part-sent', 'executor', 'p.22'),
    draft: clock('draft', 'received', 'draft-sent', 'composer', 'p.17'),
    approve: clock('approve', 'draft-submitted', 'approved', 'curator', 'p.18'),
    revise: clock('revise', 'revision-requested', 'draft-sent', 'composer', 'p.19'),
    publish: clock('publish', 'approved', 'published', 'publisher', 'p.20'),
    answer: clock('answer', 'detected', 'published', 'case', 'p.16'),
    // p.21: the final *draft* (окончательный проект ответа) within 7 working days.
    final: clock('final', 'intermediate-published', 'final-draft-sent', 'composer', 'p.21'),
  },
  categories: ['ordinary'],
  // p.16: the list of topics is approved by a separate act; the administrator marks them in the topic directory.
  overrides: [{ step: 'answer', listedTopics: true, rule: wm(240, 'detected', 'p.16') }],
  chain: { modes: ['sequential'], forwarded: true, source: 'p.22' },
  publisher: 'curator',
  rejectionGrounds: [
    ...commonGrounds('p.25'),
    {
      code: 'spam',
      label: { ru: 'Спам (удаляется, автор может быть заблокирован)', en: 'Spam (deleted, author may be blacklisted)' },
      source: 'p.9',
    },
  ],
  endings: ['answered', 'rejected'],
  atRiskShare: 0.25,
};

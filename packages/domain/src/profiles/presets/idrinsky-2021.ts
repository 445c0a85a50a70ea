// Idrinsky district (Krasnoyarsk krai), Postanovlenie No 685-p of 30.11.2021: the 24-hour rule counted from posting,
// the responsible structure's 23-hour total, explanations, links to published answers and conversion to an official
// appeal under 59-FZ. The "оператор" of this document triages, routes, checks and publishes: the curator role.
import type { ProfileInput } from '../schema';
import { clock, commonGrounds, dur, wm } from './common';

export const idrinsky2021: ProfileInput = {
  id: 'idrinsky-2021',
  name: 'Идринский район, постановление № 685-п от 30.11.2021',
  source: 'seeds/idrinsky-2021.txt',
  timeZone: 'Asia/Krasnoyarsk',
  steps: {
    // 3.1: checked and sent to the responsible structure within 3 working hours of posting.
    triage: wm(180, 'posted', '3.1'),
    // 3.3 with 3.1: publication within 24 hours of the message's arrival on the official page (its posting).
    answer: dur(1, 'idrinsky-24h', 'posted', '3.3'),
    // 3.2: the responsible structure processes the message within 4 hours of receiving it.
    draft: wm(240, 'received', '3.2'),
    revise: wm(180, 'revision-requested', '3.2'),
    // 3.2, last sentence: the structure's processing, preparation and revision together within 23 hours.
    'department-total': wm(23 * 60, 'received', '3.2'),
    // 3.3: the operator publishes, bounded by the 24-hour answer deadline.
    publish: { kind: 'same-as', step: 'answer', source: '3.3' },
    explain: wm(720, 'posted', '3.7'),
  },
  clocks: {
    triage: clock('triage', 'posted', 'routed', 'curator', '3.1'),
    draft: clock('draft', 'received', 'draft-sent', 'composer', '3.2'),
    revise: clock('revise', 'revision-requested', 'draft-sent', 'composer', '3.2'),
    'department-total': clock('department-total', 'received', 'approved', 'department', '3.2'),
    // 3.3: publication is the operator's part of the case-wide clock; it has no limit of its own.
    answer: clock('answer', 'posted', 'published', 'case', '3.3'),
    // 3.7: prepared by the responsible structure, sent by the operator: whoever holds the case.
    explain: clock('explain', 'posted', 'explanation-sent', 'case', '3.7'),
  },
  categories: ['ordinary'],
  overrides: [
    // 3.9: emergencies and image-critical questions are answered on weekends and holidays too: every clock of a
    // high-importance case runs in calendar time, so no step falls due after the answer.
    { step: 'triage', high: true, rule: dur(3, 'calendar-hours', 'posted', '3.9') },
    { step: 'draft', high: true, rule: dur(4, 'calendar-hours', 'received', '3.9') },
    { step: 'revise', high: true, rule: dur(3, 'calendar-hours', 'revision-requested', '3.9') },
    { step: 'department-total', high: true, rule: dur(23, 'calendar-hours', 'received', '3.9') },
    { step: 'answer', high: true, rule: dur(24, 'calendar-hours', 'posted', '3.9') },
    { step: 'explain', high: true, rule: dur(12, 'calendar-hours', 'posted', '3.9') },
  ],
  chain: { modes: [], forwarded: false },
  publisher: 'curator',
  rejectionGrounds: [
    ...commonGrounds('3.6'),
    { code: 'unreadable', label: { ru: 'Текст не поддаётся прочтению', en: 'Unreadable text' }, source: '3.6' },
    {
      code: 'no-point',
      label: { ru: 'Невозможно определить суть', en: 'The point cannot be determined' },
      source: '3.6',
    },
  ],
  endings: ['answered', 'rejected', 'explained', 'linked', 'converted'],
  atRiskShare: 0.25,
};

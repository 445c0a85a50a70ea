// Idrinsky district (Krasnoyarsk krai), Postanovlenie No 685-p of 30.11.2021: the 24-hour rule, explanations,
// links to published answers and conversion to an official appeal under 59-FZ.
import type { ProfileInput } from '../schema';
import { commonGrounds, dur, wm } from './common';

export const idrinsky2021: ProfileInput = {
  id: 'idrinsky-2021',
  name: 'Идринский район, постановление № 685-п от 30.11.2021',
  source: 'seeds/idrinsky-2021.txt',
  timeZone: 'Asia/Krasnoyarsk',
  overallStep: 'answer',
  triageEndsAt: 'routed',
  steps: {
    // 3.1: checked and sent to the responsible structure within 3 working hours of posting.
    triage: wm(180, 'posted', '3.1'),
    // 3.3: publication within 24 hours of the message's receipt by the administration.
    answer: dur(1, 'idrinsky-24h', 'detected', '3.3'),
    // 3.2: the responsible structure processes the message within 4 hours of receiving it.
    draft: wm(240, 'received', '3.2'),
    revise: wm(180, 'revision-requested', '3.2'),
    // 3.3: the operator publishes, bounded by the 24-hour answer deadline.
    publish: { kind: 'same-as', step: 'answer', source: '3.3' },
    explain: wm(720, 'posted', '3.7'),
  },
  overrides: [
    // 3.9: emergencies and image-critical questions are answered on weekends and holidays too: calendar time.
    { step: 'answer', category: 'high', rule: dur(24, 'calendar-hours', 'detected', '3.9') },
  ],
  chain: { modes: [] },
  publisher: 'curator',
  rejectionGrounds: [
    ...commonGrounds('3.6'),
    { code: 'unreadable', label: 'Текст не поддаётся прочтению / unreadable text', source: '3.6' },
    { code: 'no-point', label: 'Невозможно определить суть / the point cannot be determined', source: '3.6' },
  ],
  endings: ['answered', 'rejected', 'explained', 'linked', 'converted'],
  atRiskShare: 0.25,
};

// Pieces shared by the presets: rule builders and the rejection grounds all five documents name.
import type { DurationUnit, RejectionGround, StartEvent, StepRule } from '../schema';

export const dur = (amount: number, unit: DurationUnit, from: StartEvent, source: string): StepRule => ({
  kind: 'duration',
  amount,
  unit,
  from,
  source,
});
/** Working minutes from an event: the most common rule. */
export const wm = (minutes: number, from: StartEvent, source: string): StepRule =>
  dur(minutes, 'working-minutes', from, source);

/** The three grounds every document names (intent to harm, obscenity or insult, threats to an official or family). */
export const commonGrounds = (source: string): RejectionGround[] => [
  { code: 'harm-intent', label: 'Намерение причинить вред другому лицу / intent to harm another person', source },
  { code: 'obscene', label: 'Нецензурные либо оскорбительные выражения / obscene or insulting language', source },
  {
    code: 'threats',
    label:
      'Угрозы жизни, здоровью и имуществу должностного лица или его семьи / threats to an official or their family',
    source,
  },
];

// Pieces shared by the presets: rule builders, the clock builder and the rejection grounds the documents name.
import type { DurationUnit, HolderKind, RejectionGround, StartEvent, StepId, StepRule, StopEvent } from '../schema';

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

/** One clock of the model: bounded by `limit` (a step of the profile, or null), from `start` to `stop`, held by
 *  `holder`. Typed loosely on purpose: the zod schema checks that the combination is one the engine runs when the
 *  preset is loaded (presets/index.ts), and the preset tests load every preset. */
export const clock = (
  limit: StepId | null,
  start: StartEvent,
  stop: StopEvent,
  holder: HolderKind,
  source: string,
): never => ({ limit, start, stop, holder, source }) as never;

const harm = (source: string): RejectionGround => ({
  code: 'harm-intent',
  label: { ru: 'Намерение причинить вред другому лицу', en: 'Intent to harm another person' },
  source,
});
const obscene = (source: string): RejectionGround => ({
  code: 'obscene',
  label: { ru: 'Нецензурные выражения', en: 'Obscene language' },
  source,
});
const threats = (source: string): RejectionGround => ({
  code: 'threats',
  label: {
    ru: 'Угрозы жизни, здоровью и имуществу должностного лица или его семьи',
    en: 'Threats to an official or their family',
  },
  source,
});

/** The grounds of konyshevsky p.20, idrinsky 3.6, krasnoufimsk p.21 and NAO p.25: harm, obscene *or insulting*
 *  language, threats. */
export const commonGrounds = (source: string): RejectionGround[] => [
  harm(source),
  obscene(source),
  { code: 'insulting', label: { ru: 'Оскорбительные выражения', en: 'Insulting language' }, source },
  threats(source),
];

/** slavgorod p.11 names obscene expressions only: an insulting but not obscene message must be answered there. */
export const groundsWithoutInsult = (source: string): RejectionGround[] => [
  harm(source),
  obscene(source),
  threats(source),
];

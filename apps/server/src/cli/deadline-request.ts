// One deadline request of `otklik deadline` (from flags or a --batch line): validation and computation.
// Pure apart from the profile catalogue; calendars are cached per profile so a batch of 100,000 lines stays fast.
import {
  CalendarError,
  createCalendar,
  deadlineRuleText,
  getPreset,
  instantProblemText,
  PRESET_IDS,
  readIsoInstant,
  refusalIn,
  stepDeadline,
  type WorkingCalendar,
  zCategoryChoice,
} from '@otklik/domain';
import { z } from 'zod';
import { cliLang, say } from './messages';

/** ordinary | fast-track | high ('high' = an ordinary message of high importance; --high adds it to fast-track). */
export const CATEGORIES = zCategoryChoice.options;

/** An instant with its UTC offset (a bare local time would silently depend on someone's time zone), or what is wrong
 *  with it in the CLI's language (OTKLIK_LANG). */
export function parseInstant(text: string): number | string {
  const at = readIsoInstant(text);
  return typeof at === 'string' ? instantProblemText(text, at, cliLang()) : at;
}

// zod's own issues, worded by the caller in the CLI's language (describeIssues with cliLang()).
export const zDeadlineRequest = z
  .object({
    profile: z.string().min(1),
    from: z.string(),
    workMinutes: z.number().int().optional(),
    workDays: z.number().int().min(0).optional(),
    calendarDays: z.number().int().min(0).optional(),
    step: z.string().min(1).optional(),
    category: z.enum(CATEGORIES).optional(),
    high: z.boolean().optional(),
  })
  .strict();

export type DeadlineRequest = z.infer<typeof zDeadlineRequest>;

export interface DeadlineAnswer {
  deadline: string;
  rule: string;
  profile: string;
  timeZone: string;
  confirmed: boolean;
}

export type DeadlineOutcome = { ok: true; answer: DeadlineAnswer } | { ok: false; error: string };

const calendars = new Map<string, WorkingCalendar>();

function calendarFor(profileId: string, timeZone: string): WorkingCalendar {
  let calendar = calendars.get(profileId);
  if (!calendar) {
    calendar = createCalendar({ timeZone });
    calendars.set(profileId, calendar);
  }
  return calendar;
}

const fail = (error: string): DeadlineOutcome => ({ ok: false, error });

type CountedRule = 'deadline.rule-minutes' | 'deadline.rule-work-days' | 'deadline.rule-calendar-days';
const ruleTexts = new Map<string, string>();

/** How a counted deadline was reached, in the CLI's language; a batch repeats a few spans, so each text is worded
 *  once (the plural rule is the costly part), and the cache is emptied before it grows past a few thousand. */
function countedRule(key: CountedRule, n: number): string {
  const lang = cliLang();
  const cacheKey = `${lang}:${key}:${n}`;
  let text = ruleTexts.get(cacheKey);
  if (text === undefined) {
    if (ruleTexts.size >= 4096) ruleTexts.clear();
    text = say(key, { n }, lang);
    ruleTexts.set(cacheKey, text);
  }
  return text;
}

export function computeDeadline(request: DeadlineRequest): DeadlineOutcome {
  try {
    return computeUnchecked(request);
  } catch (error) {
    // A span the calendar cannot reach (past its supported years): its refusal, worded as the domain's are here.
    if (error instanceof CalendarError) return fail(refusalIn(error, cliLang()));
    throw error;
  }
}

function computeUnchecked(request: DeadlineRequest): DeadlineOutcome {
  const profile = getPreset(request.profile);
  if (!profile) {
    return fail(say('deadline.unknown-profile', { profile: request.profile, known: PRESET_IDS.join(', ') }));
  }
  const from = parseInstant(request.from);
  if (typeof from === 'string') return fail(from);

  const modes = (['workMinutes', 'workDays', 'calendarDays', 'step'] as const).filter((k) => request[k] !== undefined);
  if (modes.length === 0) return fail(say('deadline.say-what', {}));
  if (modes.length > 1) return fail(say('deadline.conflicting', { modes }));
  if (request.category !== undefined && request.step === undefined) {
    return fail(say('deadline.category-without-step', {}));
  }
  if (request.high !== undefined && request.step === undefined) return fail(say('deadline.high-without-step', {}));

  const calendar = calendarFor(profile.id, profile.timeZone);
  if (request.workMinutes !== undefined) {
    const r = calendar.addWorkingMinutes(from, request.workMinutes);
    return answer(calendar, profile, r.at, r.confirmed, countedRule('deadline.rule-minutes', request.workMinutes));
  }
  if (request.workDays !== undefined) {
    const r = calendar.addWorkingDays(from, request.workDays);
    return answer(calendar, profile, r.at, r.confirmed, countedRule('deadline.rule-work-days', request.workDays));
  }
  if (request.calendarDays !== undefined) {
    const r = calendar.addCalendarDays(from, request.calendarDays);
    return answer(
      calendar,
      profile,
      r.at,
      r.confirmed,
      countedRule('deadline.rule-calendar-days', request.calendarDays),
    );
  }
  const result = stepDeadline(profile, calendar, request.step ?? '', from, {
    ...(request.category !== undefined ? { category: request.category } : {}),
    ...(request.high !== undefined ? { high: request.high } : {}),
  });
  // The domain's refusal in the CLI's language (OTKLIK_LANG), through its refusal catalogue.
  if (!result.ok) return fail(refusalIn(result.error, cliLang()));
  // How the deadline was reached, in the CLI's language (OTKLIK_LANG).
  const rule = deadlineRuleText(result.value.rule, cliLang());
  return answer(calendar, profile, result.value.at, result.value.confirmed, rule);
}

// Not a closure inside computeDeadline: a batch calls it for every line.
function answer(
  calendar: WorkingCalendar,
  profile: { id: string; timeZone: string },
  at: number,
  confirmed: boolean,
  rule: string,
): DeadlineOutcome {
  return {
    ok: true,
    answer: { deadline: calendar.formatInstant(at), rule, profile: profile.id, timeZone: profile.timeZone, confirmed },
  };
}

// One deadline request of `otklik deadline` (from flags or a --batch line): validation and computation.
// Pure apart from the profile catalogue; calendars are cached per profile so a batch of 100,000 lines stays fast.
import {
  CalendarError,
  createCalendar,
  deadlineRuleText,
  getPreset,
  PRESET_IDS,
  parseIsoInstant,
  refusalIn,
  stepDeadline,
  type WorkingCalendar,
  zCategoryChoice,
} from '@otklik/domain';
import { z } from 'zod';
import { cliLang } from './messages';

/** ordinary | fast-track | high ('high' = an ordinary message of high importance; --high adds it to fast-track). */
export const CATEGORIES = zCategoryChoice.options;

// An instant must carry its UTC offset: a bare local time would silently depend on someone's time zone.
export const parseInstant = parseIsoInstant;

const zInteger = (name: string) =>
  z.number({ error: `${name} must be a number` }).int({ error: `${name} must be a whole number` });

export const zDeadlineRequest = z
  .object({
    profile: z.string({ error: 'profile is required (a preset id)' }).min(1, { error: 'profile is required' }),
    from: z.string({ error: 'from is required (an ISO-8601 instant)' }),
    workMinutes: zInteger('workMinutes').optional(),
    workDays: zInteger('workDays').min(0, { error: 'workDays must be 0 or more' }).optional(),
    calendarDays: zInteger('calendarDays').min(0, { error: 'calendarDays must be 0 or more' }).optional(),
    step: z.string().min(1, { error: 'step must not be empty' }).optional(),
    category: z.enum(CATEGORIES, { error: `category must be one of ${CATEGORIES.join(', ')}` }).optional(),
    high: z.boolean({ error: 'high must be true or false' }).optional(),
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
    return fail(`unknown profile "${request.profile}"; known: ${PRESET_IDS.join(', ')}`);
  }
  const from = parseInstant(request.from);
  if (typeof from === 'string') return fail(from);

  const modes = (['workMinutes', 'workDays', 'calendarDays', 'step'] as const).filter((k) => request[k] !== undefined);
  if (modes.length === 0) return fail('say what to add: workMinutes, workDays, calendarDays or step');
  if (modes.length > 1) return fail(`conflicting options: ${modes.join(' and ')}; give exactly one`);
  if (request.category !== undefined && request.step === undefined) return fail('category only applies with step');
  if (request.high !== undefined && request.step === undefined) return fail('high only applies with step');

  const calendar = calendarFor(profile.id, profile.timeZone);
  if (request.workMinutes !== undefined) {
    const r = calendar.addWorkingMinutes(from, request.workMinutes);
    return answer(calendar, profile, r.at, r.confirmed, `${request.workMinutes} working minutes`);
  }
  if (request.workDays !== undefined) {
    const r = calendar.addWorkingDays(from, request.workDays);
    return answer(calendar, profile, r.at, r.confirmed, `${request.workDays} working days (end of the last one)`);
  }
  if (request.calendarDays !== undefined) {
    const r = calendar.addCalendarDays(from, request.calendarDays);
    const rule = `${request.calendarDays} calendar days (rolled to the end of a working day)`;
    return answer(calendar, profile, r.at, r.confirmed, rule);
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

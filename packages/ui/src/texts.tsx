// Texts the shared components show, supplied by the app's catalogues (Russian first, English second): the components
// themselves hold no user-facing words, only the keys below.
import { createContext, type ReactNode, useContext } from 'react';

export interface UiTexts {
  /** BCP 47 locale for dates and numbers, e.g. 'ru-RU'. */
  readonly locale: string;
  readonly status: { readonly 'on-track': string; readonly 'at-risk': string; readonly breached: string };
  /** Unit suffixes of a working duration. */
  readonly days: string;
  readonly hours: string;
  readonly minutes: string;
  readonly seconds: string;
  /** '{time} left' / 'осталось {time}'. */
  readonly remaining: string;
  /** 'overdue by {time}' / 'просрочено на {time}'. */
  readonly overdue: string;
  /** 'overdue since {when}' / 'просрочено с {when}': breached, but no working time has passed since (lunch). */
  readonly overdueSince: string;
  /** 'resumes {when}' / 'возобновится {when}'. */
  readonly resumes: string;
  /** Accessible label of a paused countdown. */
  readonly paused: string;
  /** Shown when the calendar had no decree data for a day the deadline depends on. */
  readonly unconfirmed: string;
  /** 'due {when}' / 'срок {when}'. */
  readonly due: string;
  /** Accessible label of the progress bar: '{percent}% of working time used'. */
  readonly used: string;
}

export const DEFAULT_UI_TEXTS: UiTexts = {
  locale: 'ru-RU',
  status: { 'on-track': 'в срок', 'at-risk': 'под угрозой', breached: 'просрочено' },
  days: 'д',
  hours: 'ч',
  minutes: 'мин',
  seconds: 'с',
  remaining: 'осталось {time}',
  overdue: 'просрочено на {time}',
  overdueSince: 'просрочено с {when}',
  resumes: 'возобновится {when}',
  paused: 'на паузе (нерабочее время)',
  unconfirmed: 'календарь без постановления',
  due: 'срок {when}',
  used: 'израсходовано {percent}% рабочего времени',
};

const Ctx = createContext<UiTexts>(DEFAULT_UI_TEXTS);

export function UiTextsProvider(props: { readonly texts: UiTexts; readonly children: ReactNode }) {
  return <Ctx.Provider value={props.texts}>{props.children}</Ctx.Provider>;
}

export function useUiTexts(): UiTexts {
  return useContext(Ctx);
}

/** Replaces `{name}` placeholders of a catalogue string. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

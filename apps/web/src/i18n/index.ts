// The current catalogue for components: `const t = useT()` then `t.board.title`; placeholders via `fill`.
import { fill } from '@otklik/ui';
import { useUi } from '../stores/ui';
import { en } from './en';
import { type Catalogue, ru } from './ru';

export type { Catalogue } from './ru';
export type Lang = 'ru' | 'en';
export const CATALOGUES: Record<Lang, Catalogue> = { ru, en };
export { fill };

export function useT(): Catalogue {
  const lang = useUi((s) => s.lang);
  return CATALOGUES[lang];
}

/** For code outside components (error mapping, the socket): the catalogue of the current language. */
export function currentCatalogue(): Catalogue {
  return CATALOGUES[useUi.getState().lang];
}

/** Forms of a counted phrase by the language's plural rule (Intl.PluralRules): Russian "1 срочное", "2 срочных",
 *  "5 срочных", "21 срочное"; English "1 … / 2 …". `{count}` is filled in. */
export interface PluralForms {
  readonly one: string;
  readonly few: string;
  readonly many: string;
  readonly other: string;
}

export function plural(forms: PluralForms, count: number, locale: string): string {
  const category = new Intl.PluralRules(locale).select(count);
  const form = category === 'one' || category === 'few' || category === 'many' ? forms[category] : forms.other;
  return fill(form, { count });
}

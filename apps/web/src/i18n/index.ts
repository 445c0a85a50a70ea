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

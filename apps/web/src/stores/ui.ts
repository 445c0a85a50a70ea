// UI state: the chosen language (remembered in the browser) and the live-connection indicator.
import { create } from 'zustand';

type Lang = 'ru' | 'en';
/** 'revoked': the server refused the wall's display key as revoked; no reconnecting will help. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'revoked';

const STORAGE_KEY = 'otklik.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'ru' || saved === 'en') return saved;
  } catch {
    // Storage may be blocked (private mode, wall kiosks): Russian first.
  }
  return 'ru';
}

interface UiState {
  readonly lang: Lang;
  readonly connection: ConnectionStatus;
  setLang(lang: Lang): void;
  setConnection(status: ConnectionStatus): void;
}

export const useUi = create<UiState>()((set) => ({
  lang: initialLang(),
  connection: 'connecting',
  setLang: (lang) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Not remembered; still switched for this page.
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
  setConnection: (connection) => set({ connection }),
}));

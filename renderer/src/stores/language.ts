/**
 * The UI language. Remembered by the services (app/preferences), not in localStorage: the browser
 * host's origin changes with its port on every start.
 */
import { create } from 'zustand';
import { hearth } from '../api';
import type { Locale } from '../../../shared/workspace';
import { useErrors } from './errors';

/** zh-CN for a Chinese browser, otherwise English; used until the user picks one. */
export function guessLanguage(navigatorLanguage: string): Locale {
  return navigatorLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

interface LanguageState {
  language: Locale;
  /** Shows `language` at once and remembers it. */
  choose(language: Locale): Promise<void>;
  /** Reads the remembered language, or guesses one. */
  load(): Promise<void>;
}

export const useLanguage = create<LanguageState>()((set) => ({
  language: guessLanguage(navigator.language),
  async choose(language) {
    set({ language });
    // Not through attempt(): switching language must not dismiss an error the user is reading.
    await hearth.call('app/preferences/set', { language }).catch((error: unknown) => useErrors.getState().report(error));
  },
  async load() {
    const preferences = await hearth.call('app/preferences/get', {});
    if (preferences.language) set({ language: preferences.language });
  },
}));

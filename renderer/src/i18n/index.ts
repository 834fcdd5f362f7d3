/** Message lookup with `{name}` interpolation, and the `useT()` hook bound to the UI language. */
import { useCallback } from 'react';
import type { Locale } from '../../../shared/workspace';
import type { ErrorCode } from '../../../shared/errors';
import { useLanguage } from '../stores/language';
import { en, type Catalogue, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey } from './en';

const catalogues: Record<Locale, Catalogue> = { 'zh-CN': zhCN, en };

// Every error code needs a message in both catalogues: adding a code to shared/errors.ts
// without one fails the type check here.
const errorKeysPresent: Record<`error.${ErrorCode}`, string> = en;
void errorKeysPresent;

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/**
 * The message for `key` in `language`, with `{placeholders}` filled from `params`.
 *
 * @example
 * translate('en', 'create.where', { dir: '/home/a' }) // 'Saved as a .hearth file in /home/a'
 */
export function translate(language: Locale, key: MessageKey, params?: Params): string {
  const text = catalogues[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** The translate function for the current UI language. */
export function useT(): Translate {
  const language = useLanguage((s) => s.language);
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}

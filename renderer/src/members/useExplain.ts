/** Explanations in the UI language, with the workspace's tier names and the UI's numbers. */
import { useCallback } from 'react';
import type { Explanation } from '../../../shared/members/explain';
import { useFormatters } from '../data/formatters';
import { useT } from '../i18n';
import { useLanguage } from '../stores/language';
import { explanationText, type TierLadder } from './labels';

export function useExplain(ladder: TierLadder): (explanation: Explanation) => string {
  const t = useT();
  const f = useFormatters();
  const language = useLanguage((s) => s.language);
  return useCallback(
    (explanation: Explanation) => explanationText(explanation, t, { ladder, language, number: f.number }),
    [t, f, ladder, language],
  );
}

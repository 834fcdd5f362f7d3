/** The name for the timeline: the one typed in the page header, or a plain word when none is. */
import { useCallback } from 'react';
import { useT } from '../i18n';
import { useCrisis } from './store';

export function useActor(): () => string {
  const t = useT();
  const actor = useCrisis((s) => s.actor);
  return useCallback(() => actor.trim() || t('crisis.actor.fallback'), [actor, t]);
}

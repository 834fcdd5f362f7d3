/** Formatters for the share and portfolio views, which may show with no workspace open. */
import { useMemo } from 'react';
import { makeFormatters, type Formatters } from '../data/formatters';
import { useLanguage } from '../stores/language';
import { useSession } from '../stores/session';

/** This computer's time zone, for times shown while no workspace is open. */
const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Formatters in the open workspace's time zone, or in this computer's when none is open. */
export function useShareFormatters(): Formatters {
  const language = useLanguage((s) => s.language);
  const timeZone = useSession((s) => s.workspace?.timeZone ?? null);
  const currency = useSession((s) => s.workspace?.currency ?? 'USD');
  return useMemo(() => makeFormatters(language, timeZone ?? localZone(), currency), [language, timeZone, currency]);
}

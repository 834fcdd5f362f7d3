/** KPI data of the open workspace for the chosen period, refetched on `data/changed`. */
import { useMemo, useState } from 'react';
import { hearth } from '../api';
import type { KpiRequest } from '../../../shared/kpi';
import { dayResolver } from '../../../shared/time';
import { useQuery } from '../data/useQuery';
import { useLanguage } from '../stores/language';
import { useSession } from '../stores/session';
import { presetRange, validRange, type DayRange } from './period';
import { useDashboard } from './store';

/** The contract's request for the dashboard's choices; null while a custom period is invalid. */
export interface DashboardRequest {
  request: KpiRequest | null;
  /** The days the preset stands for (today in the workspace's zone), to start a custom period from. */
  presetDays: DayRange;
}

export function useDashboardRequest(): DashboardRequest {
  const { preset, custom, compare } = useDashboard();
  const language = useLanguage((s) => s.language);
  const timeZone = useSession((s) => s.workspace?.timeZone ?? 'UTC');
  const dayOf = useMemo(() => dayResolver(timeZone), [timeZone]);
  const today = dayOf(Date.now());

  return useMemo(() => {
    const presetDays = presetRange(preset === 'custom' ? 'month' : preset, today);
    const range = preset === 'custom' ? validRange(custom) : presetDays;
    return { request: range ? { ...range, compare, language } : null, presetDays };
  }, [preset, custom, compare, language, today]);
}

/**
 * The dashboard for `request`. While the request is null (a custom period being typed) the last
 * valid one stays asked for, so the page keeps showing real numbers instead of going blank.
 */
export function useKpiDashboard(workspacePath: string, request: KpiRequest | null) {
  const wanted = request ? JSON.stringify(request) : null;
  const [asked, setAsked] = useState(wanted);
  if (wanted !== null && wanted !== asked) setAsked(wanted);
  const current = wanted ?? asked;
  return useQuery(`kpi/dashboard:${workspacePath}:${current ?? ''}`, () =>
    current === null ? Promise.resolve(undefined) : hearth.call('kpi/dashboard', JSON.parse(current) as KpiRequest),
  );
}

/** The workspace's health thresholds and scorecard weights (the seeds' until edited). */
export function useKpiSettings(workspacePath: string) {
  return useQuery(`kpi/settings:${workspacePath}`, () => hearth.call('kpi/settings/get', {}));
}

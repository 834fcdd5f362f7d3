/**
 * The Reports page's UI state: the period, language and masking chosen, and whether the branding
 * panel is open. The preview and the branding are server data, fetched in queries.ts.
 */
import { create } from 'zustand';
import type { Locale } from '../../../shared/workspace';
import type { DayRange } from '../dashboard/period';
import type { ReportPeriod } from './period';

export interface ReportsState {
  workspacePath: string | null;
  period: ReportPeriod;
  /** The custom days as typed (may be half-filled while the user edits). */
  custom: DayRange;
  /** null: the workspace's own language. */
  locale: Locale | null;
  maskNames: boolean;
  brandingOpen: boolean;
}

const fresh = {
  period: 'lastMonth',
  custom: { from: '', to: '' },
  locale: null,
  maskNames: false,
  brandingOpen: false,
} satisfies Omit<ReportsState, 'workspacePath'>;

export const useReports = create<ReportsState>()(() => ({ workspacePath: null, ...fresh }));

/** Starts from the defaults when the page shows another workspace than last time. */
export function adoptReportsWorkspace(path: string): void {
  if (useReports.getState().workspacePath === path) return;
  useReports.setState({ workspacePath: path, ...fresh });
}

/** Picks a period; switching to custom starts from the days shown now, so the inputs are never blank. */
export function chooseReportPeriod(period: ReportPeriod, shown: DayRange | null): void {
  useReports.setState((s) => ({
    period,
    custom: period === 'custom' && shown && (s.custom.from === '' || s.custom.to === '') ? shown : s.custom,
  }));
}

export function chooseReportDay(end: keyof DayRange, day: string): void {
  useReports.setState((s) => ({ custom: { ...s.custom, [end]: day } }));
}

export const chooseReportLocale = (locale: Locale) => useReports.setState({ locale });
export const chooseMaskNames = (maskNames: boolean) => useReports.setState({ maskNames });
export const openBranding = (brandingOpen: boolean) => useReports.setState({ brandingOpen });

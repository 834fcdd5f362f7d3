/**
 * The dashboard's UI state: the period and what it is compared with. The KPIs themselves are
 * server data, fetched per period in queries.ts.
 */
import { create } from 'zustand';
import type { Compare, DayRange, PeriodPreset } from './period';

export interface DashboardState {
  preset: PeriodPreset;
  /** The days of the custom period, as typed (may be half-filled while the user edits). */
  custom: DayRange;
  compare: Compare;
}

export const useDashboard = create<DashboardState>()(() => ({
  preset: 'month',
  custom: { from: '', to: '' },
  compare: 'previous',
}));

/**
 * Picks a period. Switching to custom starts from the days shown now, so the date inputs are
 * never blank.
 */
export function choosePreset(preset: PeriodPreset, shown: DayRange): void {
  useDashboard.setState((s) => ({
    preset,
    custom: preset === 'custom' && (s.custom.from === '' || s.custom.to === '') ? shown : s.custom,
  }));
}

export function chooseCustomDay(end: keyof DayRange, day: string): void {
  useDashboard.setState((s) => ({ custom: { ...s.custom, [end]: day } }));
}

export function chooseCompare(compare: Compare): void {
  useDashboard.setState({ compare });
}

/** Report data of the open workspace, keyed by its path and the request so a change refetches. */
import { useMemo } from 'react';
import { hearth } from '../api';
import type { ReportPreview, ReportRequest } from '../../../shared/report';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { dayResolver } from '../../../shared/time';
import { useQuery } from '../data/useQuery';
import type { DayRange } from '../dashboard/period';
import { reportRange } from './period';
import { useReports } from './store';

export interface ReportChoice {
  /** What to ask for; null while the custom days are not a valid range. */
  request: (ReportRequest & { from: string; to: string }) | null;
  /** The days the chosen preset stands for today, to start a custom period from. */
  presetDays: DayRange | null;
}

/** The request the page's controls stand for, with "today" in the workspace's time zone. */
export function useReportRequest(workspace: WorkspaceSummary): ReportChoice {
  const { period, custom, locale, maskNames } = useReports();
  const dayOf = useMemo(() => dayResolver(workspace.timeZone), [workspace.timeZone]);
  const today = dayOf(Date.now());
  return useMemo(() => {
    const presetDays = reportRange(period === 'custom' ? 'lastMonth' : period, custom, today);
    const range = reportRange(period, custom, today);
    return {
      request: range ? { ...range, locale: locale ?? workspace.locale, maskNames } : null,
      presetDays,
    };
  }, [period, custom, locale, maskNames, today, workspace.locale]);
}

export interface ShownPreview {
  /** The request this preview answers (what is on screen may lag the controls while a new one builds). */
  request: ReportRequest;
  preview: ReportPreview;
}

/** The report as HTML, with which sections found data; nothing while the period is invalid. */
export const useReportPreview = (workspacePath: string, request: ReportRequest | null) =>
  useQuery<ShownPreview | undefined>(`report/preview:${workspacePath}:${JSON.stringify(request)}`, async () =>
    request ? { request, preview: await hearth.call('report/preview', request) } : undefined,
  );

export const useBranding = (workspacePath: string) =>
  useQuery(`report/branding:${workspacePath}`, () => hearth.call('report/branding/get', {}));

/** Calendar data of the open workspace, keyed by its path so a switch refetches. */
import { hearth } from '../api';
import type { CalendarFilter, ContentRef } from '../../../shared/calendar';
import { useQuery } from '../data/useQuery';
import { refKey } from './refs';

export interface VisibleRange {
  from: string;
  to: string;
}

/** Items, backlog, mix, conflicts and checks for the visible days; nothing until the grid says which. */
export const useCalendarRange = (workspacePath: string, range: VisibleRange | null, filter: CalendarFilter) =>
  useQuery(
    `calendar/range:${workspacePath}:${range ? `${range.from}/${range.to}` : ''}:${JSON.stringify(filter)}`,
    () =>
      range ? hearth.call('calendar/range', { from: range.from, to: range.to, filter }) : Promise.resolve(undefined),
  );

/** One item with its series, review history, sensitive-word hits and allowed actions. */
export const useCalendarDetail = (workspacePath: string, ref: ContentRef) =>
  useQuery(`calendar/detail:${workspacePath}:${refKey(ref)}`, () => hearth.call('calendar/detail', { ref }));

export const useCalendarSettings = (workspacePath: string) =>
  useQuery(`calendar/settings:${workspacePath}`, () => hearth.call('calendar/settings/get', {}));

export const useLexicon = (workspacePath: string) =>
  useQuery(`lexicon:${workspacePath}`, () => hearth.call('lexicon/get', {}));

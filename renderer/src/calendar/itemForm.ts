/**
 * The item form's state as the inputs hold it (text), and its translation to the contract's
 * fields, timing and recurrence rule. Pure, so the rules of "repeats" are testable without a DOM.
 */
import type {
  ContentFields,
  ContentFormat,
  ContentItem,
  ContentPillar,
  ContentSource,
  ContentTiming,
  Recurrence,
  Weekday,
} from '../../../shared/calendar';
import { weekdays } from '../../../shared/calendar';
import { wallToDate } from './time';

export type RepeatKind = 'none' | 'daily' | 'weekly' | 'monthly';
export type MonthlyKind = 'day' | 'last' | 'nth';
export type EndKind = 'never' | 'until' | 'count';

export interface FieldsState {
  title: string;
  body: string;
  channel: string;
  owner: string;
  campaign: string;
  pillar: ContentPillar | '';
  format: ContentFormat | '';
  source: ContentSource | '';
  highValue: boolean;
}

export interface TimingState {
  /** '' for an idea without a date. */
  date: string;
  time: string;
  durationMin: string;
  allDay: boolean;
}

export interface RepeatState {
  kind: RepeatKind;
  interval: string;
  weekdays: Weekday[];
  monthly: MonthlyKind;
  monthDay: string;
  nth: string;
  nthWeekday: Weekday;
  end: EndKind;
  until: string;
  count: string;
}

export interface ItemFormState {
  fields: FieldsState;
  timing: TimingState;
  status: 'idea' | 'draft';
  repeat: RepeatState;
}

/** The weekday of a date ('2026-11-24' → 'TU'). */
export function weekdayOf(date: string): Weekday {
  const day = wallToDate(date).getUTCDay();
  return weekdays[(day + 6) % 7] ?? 'MO';
}

export function fieldsState(item?: ContentItem): FieldsState {
  return {
    title: item?.title ?? '',
    body: item?.body ?? '',
    channel: item?.channel ?? '',
    owner: item?.owner ?? '',
    campaign: item?.campaign ?? '',
    pillar: item?.pillar ?? '',
    format: item?.format ?? '',
    source: item?.source ?? '',
    highValue: item?.highValue ?? false,
  };
}

export function timingState(start: string | null, durationMin: number, allDay: boolean): TimingState {
  return {
    date: start ? start.slice(0, 10) : '',
    time: start ? start.slice(11, 16) : '09:00',
    durationMin: String(durationMin),
    allDay,
  };
}

/** A fresh form for a new item at `start` (or an idea without a date). */
export function newItemForm(start: string | null, allDay: boolean): ItemFormState {
  const date = start ? start.slice(0, 10) : '';
  return {
    fields: fieldsState(),
    timing: timingState(start && !allDay ? start : start ? `${date}T09:00` : null, allDay ? 1440 : 60, allDay),
    status: start ? 'draft' : 'idea',
    repeat: {
      kind: 'none',
      interval: '1',
      weekdays: date ? [weekdayOf(date)] : [],
      monthly: 'day',
      monthDay: date ? String(Number(date.slice(8, 10))) : '1',
      nth: '1',
      nthWeekday: date ? weekdayOf(date) : 'MO',
      end: 'never',
      until: '',
      count: '10',
    },
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The contract's fields from the inputs; attachments are kept as they were. */
export function toFields(state: FieldsState, attachments: string[] = []): ContentFields {
  return {
    title: state.title.trim(),
    body: state.body,
    channel: orNull(state.channel),
    owner: orNull(state.owner),
    campaign: orNull(state.campaign),
    pillar: state.pillar === '' ? null : state.pillar,
    format: state.format === '' ? null : state.format,
    source: state.source === '' ? null : state.source,
    highValue: state.highValue,
    attachments,
  };
}

/** The timing from the inputs; null without a date (an idea for the backlog). */
export function toTiming(state: TimingState): ContentTiming | null {
  if (state.date === '') return null;
  const minutes = Math.round(Number(state.durationMin));
  if (state.allDay) {
    const days = Math.max(1, Math.ceil((Number.isFinite(minutes) ? minutes : 1440) / 1440));
    return { start: `${state.date}T00:00`, durationMin: days * 1440, allDay: true };
  }
  return {
    start: `${state.date}T${state.time || '09:00'}`,
    durationMin: Number.isFinite(minutes) && minutes >= 5 ? minutes : 60,
    allDay: false,
  };
}

/** The recurrence rule from the inputs; null when the item does not repeat. */
export function toRule(state: RepeatState): Recurrence | null {
  if (state.kind === 'none') return null;
  const interval = Math.min(52, Math.max(1, Math.round(Number(state.interval)) || 1));
  const end: Recurrence['end'] =
    state.end === 'until' && state.until !== ''
      ? { kind: 'until', date: state.until }
      : state.end === 'count'
        ? { kind: 'count', count: Math.min(1000, Math.max(1, Math.round(Number(state.count)) || 1)) }
        : { kind: 'never' };
  const rule: Recurrence = { freq: state.kind, interval, byWeekday: [], byMonthDay: null, byNthWeekday: null, end };
  if (state.kind === 'weekly') rule.byWeekday = weekdays.filter((d) => state.weekdays.includes(d));
  if (state.kind === 'monthly') {
    if (state.monthly === 'last') rule.byMonthDay = -1;
    else if (state.monthly === 'day')
      rule.byMonthDay = Math.min(31, Math.max(1, Math.round(Number(state.monthDay)) || 1));
    else
      rule.byNthWeekday = {
        nth: Number(state.nth) === -1 ? -1 : Math.min(4, Math.max(1, Number(state.nth) || 1)),
        weekday: state.nthWeekday,
      };
  }
  return rule;
}

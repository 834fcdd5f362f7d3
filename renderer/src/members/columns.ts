/**
 * The member grid's columns: headers in the UI language, formatting, which filter each offers, and
 * the user's visibility and width choices. Sorting and filtering happen in SQLite, so the filters
 * only offer what the contract can express (gridModels.ts).
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { memberColumns, numericMemberColumns, type MemberColumn, type MemberRow } from '../../../shared/member-grid';
import type { Locale } from '../../../shared/workspace';
import type { Formatters } from '../data/formatters';
import type { MessageKey, Translate } from '../i18n';
import {
  ChooseCell,
  KocCell,
  LabelCell,
  NameCell,
  NumberCell,
  TagsCell,
  TierCell,
} from '../components/members/MemberCells';
import type { ColumnPrefs } from './columnPrefs';
import { circleLabel, lifecycleLabel, rfmLabel, tierName, type TierLadder } from './labels';
import { nameFilterOptions, numberFilterOptions } from './gridModels';

export const columnKeys: Record<MemberColumn, MessageKey> = {
  name: 'membersPage.col.name',
  identities: 'membersPage.col.identities',
  tier: 'membersPage.col.tier',
  circle: 'membersPage.col.circle',
  rfmSegment: 'membersPage.col.rfmSegment',
  lifecycle: 'membersPage.col.lifecycle',
  points: 'membersPage.col.points',
  pointsWindow: 'membersPage.col.pointsWindow',
  lastSeen: 'membersPage.col.lastSeen',
  activeDays30: 'membersPage.col.activeDays30',
  churnRisk: 'membersPage.col.churnRisk',
  clv: 'membersPage.col.clv',
  expected: 'membersPage.col.expected',
  influence: 'membersPage.col.influence',
  koc: 'membersPage.col.koc',
  tags: 'membersPage.col.tags',
};

/** Hover help for headers whose meaning is not obvious. */
const headerHints: Partial<Record<MemberColumn, MessageKey>> = {
  pointsWindow: 'membersPage.hint.pointsWindow',
  churnRisk: 'membersPage.hint.churnRisk',
  clv: 'membersPage.hint.clv',
  expected: 'membersPage.hint.expected',
  influence: 'membersPage.hint.influence',
  koc: 'membersPage.hint.koc',
};

const widths: Record<MemberColumn, number> = {
  name: 180,
  identities: 96,
  tier: 110,
  circle: 110,
  rfmSegment: 130,
  lifecycle: 110,
  points: 100,
  pointsWindow: 120,
  lastSeen: 120,
  activeDays30: 110,
  churnRisk: 110,
  clv: 120,
  expected: 110,
  influence: 100,
  koc: 80,
  tags: 180,
};

export interface ColumnContext {
  t: Translate;
  f: Formatters;
  language: Locale;
  ladder: TierLadder;
  prefs: ColumnPrefs;
}

/** What a cell shows for a value: names for ids, the UI language's numbers, dates and money. */
export function formatMemberValue(column: MemberColumn, value: unknown, ctx: ColumnContext): string {
  if (value === null || value === undefined) return '';
  const { t, f } = ctx;
  if (typeof value === 'string') {
    if (column === 'tier') return tierName(ctx.ladder, value, ctx.language);
    if (column === 'circle') return circleLabel(value, t);
    if (column === 'lifecycle') return lifecycleLabel(value, t);
    if (column === 'rfmSegment') return rfmLabel(value, t);
    return value;
  }
  if (typeof value === 'number') {
    if (column === 'lastSeen') return f.date(value);
    if (column === 'churnRisk') return f.percent(value);
    if (column === 'clv') return f.money(value);
    if (column === 'expected' || column === 'influence') return f.decimal(value);
    return f.number(value);
  }
  return String(value);
}

const renderers: Partial<Record<MemberColumn, ColDef<MemberRow>['cellRenderer']>> = {
  name: NameCell,
  tier: TierCell,
  circle: LabelCell,
  lifecycle: LabelCell,
  rfmSegment: LabelCell,
  lastSeen: NumberCell,
  koc: KocCell,
  tags: TagsCell,
};

const isNumeric = (column: MemberColumn): boolean => (numericMemberColumns as readonly string[]).includes(column);

/**
 * Column definitions for the member grid.
 *
 * @example
 * memberColumnDefs({ t, f, language: 'en', ladder, prefs: defaultColumnPrefs }).map((c) => c.colId)
 * // ['name', 'identities', 'tier', …, 'tags']
 */
export function memberColumnDefs(ctx: ColumnContext): ColDef<MemberRow>[] {
  return memberColumns.map((column): ColDef<MemberRow> => {
    const hint = headerHints[column];
    const numeric = isNumeric(column);
    const def: ColDef<MemberRow> = {
      colId: column,
      field: column,
      headerName: ctx.t(columnKeys[column]),
      headerTooltip: hint ? ctx.t(hint) : undefined,
      hide: ctx.prefs.hidden.includes(column),
      initialWidth: ctx.prefs.widths[column] ?? widths[column],
      sortable: column !== 'tags',
      // Numbers are mostly read from the top: the first click sorts the biggest first.
      sortingOrder:
        numeric || column === 'lastSeen' || column === 'koc' ? ['desc', 'asc', null] : ['asc', 'desc', null],
      cellRenderer: renderers[column] ?? (numeric ? NumberCell : undefined),
      // AG Grid's own column type: numbers right-aligned, headers too.
      type: numeric ? 'rightAligned' : undefined,
    };
    if (column !== 'name' && column !== 'koc' && column !== 'tags') {
      def.valueFormatter = (params: ValueFormatterParams<MemberRow>) => formatMemberValue(column, params.value, ctx);
    }
    if (column === 'tier') def.cellRendererParams = { ladder: ctx.ladder };
    if (column === 'name') {
      def.pinned = 'left';
      def.filter = 'agTextColumnFilter';
      def.filterParams = { filterOptions: [...nameFilterOptions], maxNumConditions: 1, debounceMs: 300 };
    } else if (numeric) {
      def.filter = 'agNumberColumnFilter';
      def.filterParams = { filterOptions: [...numberFilterOptions], maxNumConditions: 1, debounceMs: 300 };
    }
    return def;
  });
}

/** The id of the column of boxes that choose rows: a click there ticks the row rather than opening it. */
export const CHOOSE_COLUMN = 'choose';

/**
 * The column of boxes that choose rows for bulk actions, pinned beside the names so the boxes stay
 * in view when the grid scrolls sideways.
 */
export function chooseColumnDef(t: Translate): ColDef<MemberRow> {
  return {
    colId: CHOOSE_COLUMN,
    headerName: '',
    pinned: 'left',
    lockPinned: true,
    lockPosition: 'left',
    width: 44,
    resizable: false,
    sortable: false,
    suppressMovable: true,
    suppressHeaderMenuButton: true,
    cellRenderer: ChooseCell,
    cellRendererParams: { label: t('membersPage.grid.toggleRow') },
  };
}

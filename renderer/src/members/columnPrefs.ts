/**
 * Which grid columns a workspace shows and how wide they are, remembered on this computer per
 * workspace. Pure: reading and writing the stored text; the hook in useColumnPrefs.ts does the I/O.
 */
import { memberColumns, type MemberColumn } from '../../../shared/member-grid';

export interface ColumnPrefs {
  hidden: MemberColumn[];
  /** Widths the user dragged, in px. */
  widths: Partial<Record<MemberColumn, number>>;
}

/** Shown until the user chooses: everything the issue lists; active days stay a click away. */
export const defaultColumnPrefs: ColumnPrefs = { hidden: ['activeDays30'], widths: {} };

// Wide enough to read a header, narrow enough that a slip of the mouse cannot hide the grid.
const MIN_WIDTH = 40;
const MAX_WIDTH = 1200;

/** The localStorage key for a workspace's column choices. */
export function columnPrefsKey(workspacePath: string): string {
  return `hearth.members.columns:${workspacePath}`;
}

const isColumn = (value: unknown): value is MemberColumn =>
  typeof value === 'string' && (memberColumns as readonly string[]).includes(value);

/**
 * Stored text as column choices; anything unreadable (old versions, hand edits, columns that no
 * longer exist) falls back to the defaults, field by field. The name column can't be hidden.
 *
 * @example
 * parseColumnPrefs('{"hidden":["clv","nope"],"widths":{"name":220}}') // { hidden: ['clv'], widths: { name: 220 } }
 */
export function parseColumnPrefs(text: string | null): ColumnPrefs {
  if (!text) return defaultColumnPrefs;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return defaultColumnPrefs;
  }
  if (typeof raw !== 'object' || raw === null) return defaultColumnPrefs;
  const record = raw as Record<string, unknown>;
  const hidden = Array.isArray(record['hidden'])
    ? [...new Set(record['hidden'].filter(isColumn))].filter((c) => c !== 'name')
    : defaultColumnPrefs.hidden;
  const widths: ColumnPrefs['widths'] = {};
  if (typeof record['widths'] === 'object' && record['widths'] !== null) {
    for (const [column, width] of Object.entries(record['widths'])) {
      if (isColumn(column) && typeof width === 'number' && Number.isFinite(width)) {
        widths[column] = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
      }
    }
  }
  return { hidden, widths };
}

/** Shows or hides a column (never the name column). */
export function withHidden(prefs: ColumnPrefs, column: MemberColumn, hidden: boolean): ColumnPrefs {
  if (column === 'name') return prefs;
  const rest = prefs.hidden.filter((c) => c !== column);
  return { ...prefs, hidden: hidden ? [...rest, column] : rest };
}

/** Remembers a column's width. */
export function withWidth(prefs: ColumnPrefs, column: MemberColumn, width: number): ColumnPrefs {
  return {
    ...prefs,
    widths: { ...prefs.widths, [column]: Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))) },
  };
}

/** The visible columns in grid order, e.g. for an export of what the grid shows. */
export function visibleColumns(prefs: ColumnPrefs): MemberColumn[] {
  return memberColumns.filter((c) => !prefs.hidden.includes(c));
}

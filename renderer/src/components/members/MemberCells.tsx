/**
 * Cell renderers of the member grid. A row still loading has no data: each renders nothing then.
 * Values ride along as data attributes so what a cell shows can be checked without parsing text.
 */
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { MemberRow } from '../../../../shared/member-grid';
import { tierRank, type TierLadder } from '../../members/labels';

/** A number, formatted by the column, with its raw value. */
export function NumberCell({ value, valueFormatted }: CustomCellRendererProps<MemberRow, number | null>) {
  if (value === undefined) return null;
  return (
    <span className="num" data-value={value ?? ''}>
      {value === null ? '—' : (valueFormatted ?? String(value))}
    </span>
  );
}

/** The member's name; full text on hover, since names can be long. */
export function NameCell({ value, data }: CustomCellRendererProps<MemberRow, string>) {
  if (!data) return null;
  return (
    <span className="member-name-cell" title={value ?? ''} data-testid="member-name-cell" data-member-id={data.id}>
      {value}
    </span>
  );
}

/** The tier as a badge coloured by its place on the ladder. */
export function TierCell({
  value,
  valueFormatted,
  ladder,
}: CustomCellRendererProps<MemberRow, string> & { ladder: TierLadder }) {
  if (!value) return null;
  return (
    <span className={`tier-badge tier-rank-${tierRank(ladder, value)}`} data-tier={value}>
      {valueFormatted ?? value}
    </span>
  );
}

/** A plain label (circle, lifecycle stage, RFM segment) keeping its value for tests and styling. */
export function LabelCell({ value, valueFormatted }: CustomCellRendererProps<MemberRow, string | null>) {
  if (value === undefined) return null;
  if (value === null) return <span className="muted">—</span>;
  return (
    <span className={`label-cell label-${value}`} data-value={value}>
      {valueFormatted ?? value}
    </span>
  );
}

/** "KOC" for key opinion consumers, nothing for the rest. */
export function KocCell({ value }: CustomCellRendererProps<MemberRow, boolean>) {
  return value ? <span className="koc-badge">KOC</span> : null;
}

export function TagsCell({ value }: CustomCellRendererProps<MemberRow, string[]>) {
  if (!value || value.length === 0) return null;
  return (
    <span className="tag-list" title={value.join(', ')}>
      {value.map((tag) => (
        <span key={tag} className="tag-chip">
          {tag}
        </span>
      ))}
    </span>
  );
}

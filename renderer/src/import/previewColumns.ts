/** The preview table's columns: what each shows of a record as it will land in the workspace. */
import type { PreviewRecord } from '../../../shared/import';
import type { Formatters } from '../data/formatters';
import type { MessageKey, Translate } from '../i18n';
import { sourceLabel } from '../members/words';
import { kindKey, recordTypeKeys } from './fields';

export interface CellContext {
  t: Translate;
  f: Formatters;
}

export interface PreviewColumn {
  id: string;
  header: MessageKey;
  /** Extra class for the cells (width, alignment). */
  className: string;
  text(record: PreviewRecord, c: CellContext): string;
  /** A second, quieter line under the text. */
  note?(record: PreviewRecord, c: CellContext): string | null;
}

const EMPTY = '—';

function kindText(record: PreviewRecord, { t }: CellContext): string {
  if (record.kind === null) return EMPTY;
  const key = kindKey(record.kind);
  return key ? t(key) : record.kind;
}

/** Activities show their text, orders their amount, surveys their score. */
function contentText(record: PreviewRecord, { t, f }: CellContext): string {
  if (record.type === 'order' && record.amount !== null) return f.money(record.amount);
  if (record.type === 'survey') return record.score === null ? t('preview.noScore') : t('preview.score', { score: record.score });
  return record.text ?? EMPTY;
}

export const previewColumns: PreviewColumn[] = [
  { id: 'line', header: 'preview.col.line', className: 'col-line num', text: (r) => String(r.line) },
  { id: 'type', header: 'preview.col.type', className: 'col-type', text: (r, { t }) => t(recordTypeKeys[r.type]) },
  {
    id: 'member',
    header: 'preview.col.member',
    className: 'col-member',
    text: (r) => r.member,
    note: (r, { t }) => sourceLabel(r.source, t),
  },
  {
    id: 'time',
    header: 'preview.col.time',
    className: 'col-time num',
    text: (r, { f }) => (r.ts === null ? EMPTY : f.dateTime(r.ts)),
  },
  { id: 'kind', header: 'preview.col.kind', className: 'col-kind', text: kindText },
  { id: 'channel', header: 'preview.col.channel', className: 'col-channel', text: (r) => r.channel ?? EMPTY },
  { id: 'content', header: 'preview.col.content', className: 'col-content', text: contentText },
];

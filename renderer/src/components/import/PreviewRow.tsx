import type { PreviewRecord } from '../../../../shared/import';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { previewColumns } from '../../import/previewColumns';

/** One record of the preview; long text is cut to one line with the whole text as a tooltip. */
export function PreviewRow({ record }: { record: PreviewRecord }) {
  const t = useT();
  const f = useFormatters();
  const context = { t, f };
  return (
    <tr data-testid="preview-row" data-line={record.line} data-type={record.type}>
      {previewColumns.map((column) => {
        const text = column.text(record, context);
        const note = column.note?.(record, context) ?? null;
        return (
          <td key={column.id} className={column.className} title={text}>
            <span className="cell-text">{text}</span>
            {note ? <span className="cell-note">{note}</span> : null}
          </td>
        );
      })}
    </tr>
  );
}

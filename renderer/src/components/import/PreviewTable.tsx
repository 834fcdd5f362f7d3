import { useId } from 'react';
import type { PreviewRecord } from '../../../../shared/import';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { previewColumns } from '../../import/previewColumns';
import { PreviewRow } from './PreviewRow';

/** The first records of the file exactly as they will land: times in the workspace time zone. */
export function PreviewTable({ records }: { records: PreviewRecord[] }) {
  const t = useT();
  const f = useFormatters();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('preview.title')}</h2>
        <span className="muted">{t('preview.showing', { n: f.number(records.length) })}</span>
      </div>
      {records.length === 0 ? (
        <p className="muted" data-testid="import-preview-empty">
          {t('preview.empty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table preview-table" data-testid="import-preview-table">
            <thead>
              <tr>
                {previewColumns.map((c) => (
                  <th key={c.id} className={c.className} scope="col">
                    {t(c.header)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {records.map((record, i) => (
                <PreviewRow key={`${record.line}-${i}`} record={record} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useT } from '../../i18n';
import { useImportBatches } from '../../import/queries';
import { BatchRow } from './BatchRow';

/** Every import into this workspace, newest first, each undoable until undone. */
export function HistoryPanel({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  const { data } = useImportBatches(workspacePath);

  return (
    <section className="card" aria-labelledby="history-title" data-testid="import-history">
      <div className="card-head">
        <h2 id="history-title">{t('history.title')}</h2>
      </div>
      <p className="field-hint history-intro">{t('history.intro')}</p>
      {data && data.length === 0 ? (
        <p className="empty" data-testid="history-empty">
          {t('history.empty')}
        </p>
      ) : null}
      {data && data.length > 0 ? (
        <div className="table-scroll tall">
          <table className="data-table history-table">
            <thead>
              <tr>
                <th scope="col">{t('history.file')}</th>
                <th scope="col">{t('history.time')}</th>
                <th scope="col">{t('history.status')}</th>
                <th scope="col">{t('history.counts')}</th>
                <th scope="col">{t('history.sha')}</th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">{t('history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((batch) => (
                <BatchRow key={batch.id} batch={batch} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

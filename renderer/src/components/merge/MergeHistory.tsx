import { useT } from '../../i18n';
import { useMerges } from '../../members/queries';
import { MergeRow } from './MergeRow';

/** Every merge, newest first; a merge not yet undone can be split again. */
export function MergeHistory({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  const { data } = useMerges(workspacePath);
  return (
    <section className="card" aria-labelledby="merge-history-title" data-testid="merge-history">
      <h2 id="merge-history-title">{t('merge.historyTitle')}</h2>
      {data && data.length === 0 ? <p className="empty">{t('merge.noHistory')}</p> : null}
      {data && data.length > 0 ? (
        <div className="table-scroll tall">
          <table className="data-table merge-table">
            <thead>
              <tr>
                <th scope="col" className="col-member-pair">
                  {t('merge.col.into')}
                </th>
                <th scope="col" className="col-member-pair">
                  {t('merge.col.from')}
                </th>
                <th scope="col">{t('merge.col.reason')}</th>
                <th scope="col">{t('merge.col.when')}</th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">{t('history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.map((merge) => (
                <MergeRow key={merge.id} merge={merge} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

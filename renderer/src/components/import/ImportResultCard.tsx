import type { ImportRunResult } from '../../../../shared/import';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { clearFile } from '../../import/actions';
import { formatKeys } from '../../import/fields';
import { resultCounts } from '../../import/resultCounts';
import { useImport } from '../../import/store';
import { ProblemList } from './ProblemList';

/** What an import did: added and matched members, new records, what was left out, the batch. */
export function ImportResultCard({ result }: { result: ImportRunResult }) {
  const t = useT();
  const f = useFormatters();
  const nothingNew = result.batchId === null;
  const shown = resultCounts.filter((c) => !c.optional || c.value(result) > 0);

  return (
    <section className="card result" data-testid="import-result" data-batch-id={result.batchId ?? ''} aria-labelledby="result-title">
      <div className="card-head">
        <h2 id="result-title">{nothingNew ? t('result.nothingNewTitle') : t('result.title')}</h2>
        <span className="muted">{t(formatKeys[result.format])}</span>
      </div>
      {nothingNew ? (
        <p className="notice" data-testid="result-nothing-new">
          {t('result.nothingNew')}
        </p>
      ) : (
        <p className="result-batch-line">
          {t('result.batchBefore')}
          <span className="mono result-batch-id" data-testid="result-batch">
            {result.batchId}
          </span>
          {t('result.batchAfter')}{' '}
          <button type="button" className="link-button" data-testid="result-history" onClick={() => useImport.setState({ tab: 'history' })}>
            {t('result.toHistory')}
          </button>
        </p>
      )}
      <dl className="counts result-counts">
        {shown.map((c) => (
          <div className={c.quiet ? 'count quiet' : 'count'} key={c.testId}>
            <dt>{t(c.label)}</dt>
            <dd data-testid={c.testId} data-value={c.value(result)}>
              {f.number(c.value(result))}
            </dd>
          </div>
        ))}
      </dl>
      {result.errors.length > 0 ? (
        <ProblemList problems={result.errors} testId="result-errors" title={t('result.errorsTitle')} note={t('result.errorsNote')} />
      ) : null}
      <div className="form-actions">
        <button type="button" className="button-secondary" data-testid="import-another" onClick={clearFile}>
          {t('run.another')}
        </button>
      </div>
    </section>
  );
}

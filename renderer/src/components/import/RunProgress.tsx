import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { cancelImport } from '../../import/actions';
import { fractionRead, recordsPerSecond } from '../../import/progress';
import { useImport } from '../../import/store';

/** The running import: how far through the file, how fast, and a way to stop it. */
export function RunProgress() {
  const t = useT();
  const f = useFormatters();
  const running = useImport((s) => s.running);
  const name = useImport((s) => s.pickedName ?? s.preview?.fileName ?? '');
  if (!running) return null;
  const p = running.progress;
  const rate = p ? recordsPerSecond(p) : null;

  return (
    <section className="card run-progress" aria-labelledby="run-progress-title">
      <div className="card-head">
        <h2 id="run-progress-title">{t('run.importing', { file: name })}</h2>
        <button
          type="button"
          className="button-secondary"
          data-testid="import-cancel"
          disabled={running.cancelling}
          onClick={() => void cancelImport()}
        >
          {running.cancelling ? t('run.cancelling') : t('run.cancel')}
        </button>
      </div>
      {/* Without a value the bar is indeterminate: the first progress event has not come yet. */}
      <progress
        className="progress"
        data-testid="import-progress"
        max={1}
        value={p ? fractionRead(p) : undefined}
        aria-label={t('run.progressLabel')}
      />
      <p className="run-stats" role="status" data-testid="import-stats">
        {p ? (
          <>
            <span>{t('run.read', { read: f.bytes(p.bytesRead), total: f.bytes(p.totalBytes), percent: f.percent(fractionRead(p)) })}</span>
            <span data-testid="import-records" data-value={p.records}>
              {t('run.records', { n: f.number(p.records) })}
            </span>
            {rate !== null ? (
              <span data-testid="import-rate" data-value={rate}>
                {t('run.rate', { n: f.number(rate) })}
              </span>
            ) : null}
          </>
        ) : (
          <span>{t('run.starting')}</span>
        )}
      </p>
      <p className="field-hint">{t('run.cancelHint')}</p>
    </section>
  );
}

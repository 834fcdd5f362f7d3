import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { useImport } from '../../import/store';
import { ImportResultCard } from './ImportResultCard';

/** How the last run ended: its result, a calm note that it was cancelled, or why it failed. */
export function RunOutcome() {
  const t = useT();
  const outcome = useImport((s) => s.outcome);
  const ref = useRef<HTMLDivElement>(null);

  // The outcome appears under a possibly long preview: bring it into view when it arrives.
  useEffect(() => {
    if (outcome) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome]);

  if (!outcome) return null;
  return (
    <div ref={ref} className="run-outcome">
      {outcome.kind === 'done' ? <ImportResultCard result={outcome.result} /> : null}
      {outcome.kind === 'cancelled' ? (
        <div className="notice" role="status" data-testid="import-cancelled" data-code="import_cancelled">
          <p className="notice-title">{t('error.import_cancelled')}</p>
          <p className="field-hint">{t('run.cancelledHint')}</p>
        </div>
      ) : null}
      {outcome.kind === 'failed' ? <RunFailure error={outcome.error} /> : null}
    </div>
  );
}

function RunFailure({ error }: { error: Parameters<typeof describeError>[0] }) {
  const t = useT();
  const text = describeError(error, t);
  return (
    <div className="error-banner inline" role="alert" data-testid="import-failed" data-code={error.code}>
      <div className="error-banner-text">
        <p className="error-banner-message">{text.message}</p>
        {text.hint ? <p className="error-banner-hint">{text.hint}</p> : null}
        <p className="error-banner-detail">{t('error.detail', { message: text.detail })}</p>
      </div>
    </div>
  );
}

import { useT } from '../../i18n';
import { startImport } from '../../import/actions';
import { draftIsDirty, useImport } from '../../import/store';
import { ProblemPolicy } from './ProblemPolicy';
import { RunProgress } from './RunProgress';

/** The import button (with the problem policy when the preview found problems), or the progress. */
export function RunSection() {
  const t = useT();
  const running = useImport((s) => s.running !== null);
  const hasProblems = useImport((s) => (s.preview?.problems.length ?? 0) > 0);
  const dirty = useImport(draftIsDirty);
  const busy = useImport((s) => s.busy !== null);
  const done = useImport((s) => s.outcome?.kind === 'done');

  if (running) return <RunProgress />;
  // After a finished import the result card offers the next step; importing again would add nothing.
  if (done) return null;
  return (
    <section className="card run-section" aria-label={t('run.start')}>
      {hasProblems ? <ProblemPolicy /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          data-testid="import-start"
          disabled={dirty || busy}
          onClick={() => void startImport()}
        >
          {t('run.start')}
        </button>
        <span className="field-hint">{dirty ? t('run.previewFirst') : t('run.safe')}</span>
      </div>
    </section>
  );
}

import { useT } from '../../i18n';
import { useImport } from '../../import/store';
import { FileSource } from './FileSource';
import { PreviewSummary } from './PreviewSummary';
import { MappingEditor } from './MappingEditor';
import { PreviewTable } from './PreviewTable';
import { ProblemList } from './ProblemList';
import { RunSection } from './RunSection';
import { RunOutcome } from './RunOutcome';

/** The file tab: choose a file, review how it will land, choose how to read it, import it. */
export function FilePanel({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  const path = useImport((s) => s.path);
  const preview = useImport((s) => s.preview);
  const busy = useImport((s) => s.busy);

  return (
    <div className="import-file">
      <FileSource workspacePath={workspacePath} />
      {busy ? (
        <p className="busy-note" role="status" data-testid="import-busy">
          {busy === 'upload' ? t('source.uploading') : t('preview.loading')}
        </p>
      ) : null}
      {path && (preview || !busy) ? <PreviewSummary /> : null}
      {preview?.columns ? <MappingEditor columns={preview.columns} /> : null}
      {preview ? <PreviewTable records={preview.records} /> : null}
      {preview && preview.problems.length > 0 ? (
        <ProblemList problems={preview.problems} testId="import-problems" title={t('problems.title')} note={t('problems.previewNote')} />
      ) : null}
      {preview ? <RunSection /> : null}
      <RunOutcome />
    </div>
  );
}

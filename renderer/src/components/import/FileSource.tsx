import { useT } from '../../i18n';
import { useImport } from '../../import/store';
import { DropZone } from './DropZone';
import { PathForm } from './PathForm';

/** Where the file comes from: picked or dropped, or a path already on this computer. */
export function FileSource({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  const locked = useImport((s) => s.running !== null || s.busy === 'upload');
  const compact = useImport((s) => s.path !== null);
  return (
    <section className="card file-source" aria-labelledby="file-source-title">
      <h2 id="file-source-title">{t('source.title')}</h2>
      <DropZone workspacePath={workspacePath} locked={locked} compact={compact} />
      <PathForm workspacePath={workspacePath} locked={locked} />
    </section>
  );
}

import { useEffect } from 'react';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { useT } from '../i18n';
import { adoptWorkspace } from '../import/actions';
import { useImport } from '../import/store';
import { ImportTabs, TabPanel } from '../components/import/ImportTabs';
import { FilePanel } from '../components/import/FilePanel';
import { HistoryPanel } from '../components/import/HistoryPanel';
import { MergePanel } from '../components/merge/MergePanel';
import '../components/import/import.css';

/** Import a file (preview, map, run, cancel), review and undo past imports, merge identities. */
export function ImportPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  const tab = useImport((s) => s.tab);
  useEffect(() => adoptWorkspace(workspace.path), [workspace.path]);

  return (
    <section className="page" data-testid="page-import">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
      </header>
      <p className="lead">{t('import.lead')}</p>
      <ImportTabs />
      <TabPanel tab={tab}>
        {tab === 'file' ? <FilePanel workspacePath={workspace.path} /> : null}
        {tab === 'history' ? <HistoryPanel workspacePath={workspace.path} /> : null}
        {tab === 'merge' ? <MergePanel workspacePath={workspace.path} /> : null}
      </TabPanel>
    </section>
  );
}

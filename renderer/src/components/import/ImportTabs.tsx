import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { useImport, type ImportTab } from '../../import/store';

const tabs: { tab: ImportTab; label: MessageKey }[] = [
  { tab: 'file', label: 'import.tab.file' },
  { tab: 'history', label: 'import.tab.history' },
  { tab: 'merge', label: 'import.tab.merge' },
];

export const tabPanelId = (tab: ImportTab) => `import-panel-${tab}`;
const tabId = (tab: ImportTab) => `import-tab-${tab}`;

/** The Import page's tabs: a file, the history of imports, identity merges. */
export function ImportTabs() {
  const t = useT();
  const current = useImport((s) => s.tab);
  const running = useImport((s) => s.running !== null);
  return (
    <div className="tabs" role="tablist" aria-label={t('import.title')}>
      {tabs.map(({ tab, label }) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          className="tab"
          data-testid={tabId(tab)}
          aria-selected={tab === current}
          aria-controls={tabPanelId(tab)}
          onClick={() => useImport.setState({ tab })}
        >
          {t(label)}
          {tab === 'file' && running ? <span className="tab-activity" title={t('run.running')} aria-hidden="true" /> : null}
        </button>
      ))}
    </div>
  );
}

/** The panel under a tab. */
export function TabPanel({ tab, children }: { tab: ImportTab; children: ReactNode }) {
  return (
    <div role="tabpanel" id={tabPanelId(tab)} aria-labelledby={tabId(tab)} className="tab-panel">
      {children}
    </div>
  );
}

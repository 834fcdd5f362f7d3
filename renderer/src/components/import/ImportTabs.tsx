import type { KeyboardEvent, ReactNode } from 'react';
import { useT, type MessageKey } from '../../i18n';
import { useImport, type ImportTab } from '../../import/store';

const tabs: { tab: ImportTab; label: MessageKey }[] = [
  { tab: 'file', label: 'import.tab.file' },
  { tab: 'history', label: 'import.tab.history' },
  { tab: 'merge', label: 'import.tab.merge' },
];

export const tabPanelId = (tab: ImportTab) => `import-panel-${tab}`;
const tabId = (tab: ImportTab) => `import-tab-${tab}`;

/** Left/right arrows move between tabs, as in any tab list (WAI-ARIA tabs pattern). */
function onArrow(event: KeyboardEvent, current: ImportTab) {
  const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return;
  const index = tabs.findIndex((x) => x.tab === current);
  const next = tabs[(index + step + tabs.length) % tabs.length];
  if (!next) return;
  event.preventDefault();
  useImport.setState({ tab: next.tab });
  document.getElementById(tabId(next.tab))?.focus();
}

/** The Import page's tabs: a file, the history of imports, identity merges. */
export function ImportTabs() {
  const t = useT();
  const current = useImport((s) => s.tab);
  const running = useImport((s) => s.running !== null);
  return (
    <div className="tabs" role="tablist" aria-label={t('import.title')} onKeyDown={(e) => onArrow(e, current)}>
      {tabs.map(({ tab, label }) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          className="tab"
          data-testid={tabId(tab)}
          aria-selected={tab === current}
          tabIndex={tab === current ? 0 : -1}
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

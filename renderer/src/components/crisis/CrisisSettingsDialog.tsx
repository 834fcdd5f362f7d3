import { useState } from 'react';
import type { Playbook } from '../../../../shared/crisis';
import { openCrisisSettings } from '../../crisis/store';
import { useT } from '../../i18n';
import { LexiconEditor } from './LexiconEditor';
import { RulesEditor } from './RulesEditor';
import { useEscape } from '../useEscape';

type Tab = 'rules' | 'lexicon';

/** Monitoring settings: the alert rules and the sensitive-word lexicon the scan uses. */
export function CrisisSettingsDialog({
  workspacePath,
  playbooks,
}: {
  workspacePath: string;
  playbooks: readonly Playbook[];
}) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('rules');
  useEscape(() => openCrisisSettings(false));
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog dialog-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cr-settings-title"
        data-testid="crisis-settings"
      >
        <header className="dialog-head">
          <h2 id="cr-settings-title">{t('crisis.settings.title')}</h2>
          <button
            type="button"
            className="button-quiet"
            data-testid="crisis-settings-close"
            onClick={() => openCrisisSettings(false)}
          >
            {t('crisis.close')}
          </button>
        </header>
        <div className="tabs cr-tabs" role="tablist">
          {(['rules', 'lexicon'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === id}
              data-testid={`crisis-settings-tab-${id}`}
              onClick={() => setTab(id)}
            >
              {t(id === 'rules' ? 'crisis.settings.rules' : 'crisis.settings.lexicon')}
            </button>
          ))}
        </div>
        <div className="dialog-body">
          {tab === 'rules' ? (
            <RulesEditor workspacePath={workspacePath} playbooks={playbooks} />
          ) : (
            <LexiconEditor workspacePath={workspacePath} />
          )}
        </div>
      </div>
    </div>
  );
}

import { useState } from 'react';
import type { Playbook } from '../../../../shared/crisis';
import { openCrisisSettings } from '../../crisis/store';
import { useT } from '../../i18n';
import { LexiconEditor } from './LexiconEditor';
import { RulesEditor } from './RulesEditor';
import { Dialog } from '../Dialog';

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
  return (
    <Dialog
      titleId="cr-settings-title"
      title={t('crisis.settings.title')}
      testId="crisis-settings"
      onClose={() => openCrisisSettings(false)}
      closeLabel={t('crisis.close')}
      closeTestId="crisis-settings-close"
      wide
    >
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
    </Dialog>
  );
}

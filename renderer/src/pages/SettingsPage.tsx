import type { WorkspaceSummary } from '../../../shared/workspace';
import { useT } from '../i18n';
import { WorkspaceSettingsForm } from '../components/WorkspaceSettingsForm';
import { CountsPanel } from '../components/CountsPanel';
import { LanguageSelect } from '../components/LanguageSelect';
import { Field } from '../components/Field';
import { PathText } from '../components/PathText';
import { ShareFolderSettings } from '../components/share/ShareFolderSettings';

function FileFacts({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="file-title">
      <h2 id="file-title">{t('settings.file')}</h2>
      <dl className="facts">
        <dt>{t('settings.path')}</dt>
        <dd className="mono" data-testid="settings-path">
          <PathText path={workspace.path} />
        </dd>
        <dt>{t('settings.schema')}</dt>
        <dd data-testid="settings-schema">{workspace.schemaVersion}</dd>
      </dl>
    </section>
  );
}

export function SettingsPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  return (
    <section className="page" data-testid="page-settings">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <div className="settings-grid">
        <WorkspaceSettingsForm key={workspace.path} saved={workspace} />
        <div className="welcome-column">
          <FileFacts workspace={workspace} />
          <section className="card" aria-labelledby="interface-title">
            <h2 id="interface-title">{t('settings.interface')}</h2>
            <Field id="settings-language" label={t('settings.language')} hint={t('settings.languageHint')}>
              <LanguageSelect id="settings-language" testId="settings-language" />
            </Field>
          </section>
          <ShareFolderSettings />
        </div>
      </div>
      <CountsPanel path={workspace.path} />
    </section>
  );
}

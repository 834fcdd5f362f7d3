import type { WorkspacesSection } from '../stores/route';
import { useT } from '../i18n';
import { useSession } from '../stores/session';
import { CreateWorkspaceForm } from '../components/CreateWorkspaceForm';
import { OpenWorkspaceForm } from '../components/OpenWorkspaceForm';
import { RecentList } from '../components/RecentList';

/** Create a workspace, open one by path, or pick a recent one. Shown whenever none is open. */
export function WelcomePage({ section }: { section: WorkspacesSection }) {
  const t = useT();
  const hasWorkspace = useSession((s) => s.workspace !== null);
  return (
    <section className="page" data-testid="page-welcome">
      <header className="page-header">
        <h1>{hasWorkspace ? t('welcome.titleSwitch') : t('welcome.title')}</h1>
      </header>
      <p className="lead">{hasWorkspace ? t('welcome.introSwitch') : t('welcome.intro')}</p>
      <div className="welcome-grid">
        <CreateWorkspaceForm focus={section === 'new'} />
        <div className="welcome-column">
          <OpenWorkspaceForm focus={section === 'open'} />
          <RecentList />
        </div>
      </div>
    </section>
  );
}

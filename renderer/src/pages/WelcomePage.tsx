import type { WorkspacesSection } from '../stores/route';
import { useT } from '../i18n';
import { useSession } from '../stores/session';
import { CreateWorkspaceForm } from '../components/CreateWorkspaceForm';
import { OpenWorkspaceForm } from '../components/OpenWorkspaceForm';
import { RecentList } from '../components/RecentList';
import { ShareBundles } from '../components/share/ShareBundles';
import '../components/share/share.css';

/**
 * Create a workspace, open one by path, pick a recent one, or restore one from the team share.
 * Shown whenever none is open.
 */
export function WelcomePage({ section }: { section: WorkspacesSection }) {
  const t = useT();
  const hasWorkspace = useSession((s) => s.workspace !== null);
  return (
    <section className="page" data-testid="page-welcome">
      <header className="page-header">
        <h1>{hasWorkspace ? t('welcome.titleSwitch') : t('welcome.title')}</h1>
      </header>
      <p className="lead">{hasWorkspace ? t('welcome.introSwitch') : t('welcome.intro')}</p>
      <p>
        <a className="link-button" href="#/portfolio" data-testid="welcome-portfolio">
          {t('welcome.portfolio')}
        </a>
      </p>
      <div className="welcome-grid">
        <CreateWorkspaceForm focus={section === 'new'} />
        <div className="welcome-column">
          <OpenWorkspaceForm focus={section === 'open'} />
          <RecentList />
          <ShareBundles focus={section === 'share'} />
        </div>
      </div>
    </section>
  );
}

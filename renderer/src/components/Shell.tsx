import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { TopBar } from './TopBar';
import { NavBar } from './NavBar';
import { ErrorBanner } from './ErrorBanner';
import { PageView } from './PageView';

/** Top bar, navigation (once a workspace is open), the error banner and the page. */
export function Shell() {
  const route = useRoute((s) => s.route);
  const workspace = useSession((s) => s.workspace);
  return (
    <div className="shell">
      <TopBar />
      <div className="shell-body">
        {workspace ? <NavBar /> : null}
        <main className="main">
          <ErrorBanner />
          <PageView route={route} workspace={workspace} />
        </main>
      </div>
    </div>
  );
}

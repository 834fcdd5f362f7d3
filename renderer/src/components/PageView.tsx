import type { WorkspaceSummary } from '../../../shared/workspace';
import type { Route } from '../stores/route';
import { WelcomePage } from '../pages/WelcomePage';
import { DashboardPage } from '../pages/DashboardPage';
import { MembersPage } from '../pages/MembersPage';
import { CalendarPage } from '../pages/CalendarPage';
import { CrisisPage } from '../pages/CrisisPage';
import { ImportPage } from '../pages/ImportPage';
import { ReportsPage } from '../pages/ReportsPage';
import { SettingsPage } from '../pages/SettingsPage';
import { PortfolioPage } from '../pages/PortfolioPage';

/**
 * The page for a route; without an open workspace every route shows the welcome page, except the
 * portfolio, which reads the workspace files without opening one.
 */
export function PageView({ route, workspace }: { route: Route; workspace: WorkspaceSummary | null }) {
  if (route.page === 'workspaces') return <WelcomePage section={route.section} />;
  if (route.page === 'portfolio') return <PortfolioPage />;
  if (!workspace) return <WelcomePage section={null} />;
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage workspace={workspace} />;
    case 'members':
      return <MembersPage workspace={workspace} />;
    case 'calendar':
      return <CalendarPage workspace={workspace} />;
    case 'crisis':
      return <CrisisPage workspace={workspace} />;
    case 'import':
      return <ImportPage workspace={workspace} />;
    case 'reports':
      return <ReportsPage workspace={workspace} />;
    case 'settings':
      return <SettingsPage workspace={workspace} />;
  }
}

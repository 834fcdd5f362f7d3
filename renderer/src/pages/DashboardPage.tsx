import type { WorkspaceSummary } from '../../../shared/workspace';
import { NotBuilt } from '../components/NotBuilt';
import { CountsPanel } from '../components/CountsPanel';

export function DashboardPage({ workspace }: { workspace: WorkspaceSummary }) {
  return (
    <NotBuilt testId="page-dashboard" title="dashboard.title" text="dashboard.notBuilt">
      <CountsPanel path={workspace.path} />
    </NotBuilt>
  );
}

import { NotBuilt } from '../components/NotBuilt';

/** Not built yet: says so, and what it will do. */
export function ReportsPage() {
  return <NotBuilt testId="page-reports" title="reports.title" text="reports.notBuilt" />;
}

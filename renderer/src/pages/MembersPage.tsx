import { NotBuilt } from '../components/NotBuilt';

/** Not built yet: says so, and what it will do. */
export function MembersPage() {
  return <NotBuilt testId="page-members" title="members.title" text="members.notBuilt" />;
}

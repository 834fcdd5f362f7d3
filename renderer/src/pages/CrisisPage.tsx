import { NotBuilt } from '../components/NotBuilt';

/** Not built yet: says so, and what it will do. */
export function CrisisPage() {
  return <NotBuilt testId="page-crisis" title="crisis.title" text="crisis.notBuilt" />;
}

import { NotBuilt } from '../components/NotBuilt';

/** Not built yet: says so, and what it will do. */
export function CalendarPage() {
  return <NotBuilt testId="page-calendar" title="calendar.title" text="calendar.notBuilt" />;
}

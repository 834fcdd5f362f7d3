import { activityCsvMapping } from './activity-csv';
import { call, testServices } from './services';

/**
 * Creates a workspace at `file` through the services in this process (faster than two CLI runs),
 * optionally importing an activity CSV from {@link writeActivityCsv}, and closes it again.
 */
export async function makeWorkspace(file: string, csv?: string): Promise<void> {
  const services = testServices();
  try {
    await call(services, 'workspace/create', { name: 'Fault test', path: file, timeZone: 'Asia/Shanghai' });
    if (csv)
      await call(services, 'import/run', {
        path: csv,
        format: 'csv',
        map: activityCsvMapping,
        onProblem: 'skip',
        score: false,
      });
  } finally {
    await services.dispose();
  }
}

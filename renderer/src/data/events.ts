/** Keeps the UI in step with the services: pushed events refresh the session, data and imports. */
import { hearth } from '../api';
import { takeProgress } from '../import/actions';
import { useErrors } from '../stores/errors';
import { useSession } from '../stores/session';
import { invalidate } from './revision';

/** Subscribes to the services' events; returns the unsubscribe. */
export function followServerEvents(): () => void {
  return hearth.onEvent((event) => {
    switch (event.type) {
      case 'workspace/changed':
      case 'workspace/updated':
        useSession
          .getState()
          .refresh()
          .catch((error: unknown) => useErrors.getState().report(error));
        invalidate();
        break;
      case 'data/changed':
        // An import, undo or merge (here, in another window or from the CLI): refetch what is shown.
        invalidate();
        break;
      case 'import/progress':
        takeProgress(event);
        break;
    }
  });
}

import { useEffect } from 'react';
import { useT } from './i18n';
import { followServerEvents } from './data/events';
import { useErrors } from './stores/errors';
import { useLanguage } from './stores/language';
import { followHash } from './stores/route';
import { useSession } from './stores/session';
import { Shell } from './components/Shell';

/** Loads the remembered language and the open workspace, then keeps both in step. */
async function boot(): Promise<void> {
  const results = await Promise.allSettled([useLanguage.getState().load(), useSession.getState().refresh()]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    useSession.getState().setWorkspace(null);
    useErrors.getState().report(failed.reason);
  }
}

/** `<html lang>` and the window title follow the language and the workspace. */
function useDocumentLanguageAndTitle(): void {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const name = useSession((s) => s.workspace?.name);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = name ? t('app.titleWithWorkspace', { name }) : t('app.title');
  }, [language, name, t]);
}

export function App() {
  const t = useT();
  const ready = useSession((s) => s.ready);
  useDocumentLanguageAndTitle();

  useEffect(() => {
    const stopHash = followHash();
    const stopEvents = followServerEvents();
    void boot();
    return () => {
      stopHash();
      stopEvents();
    };
  }, []);

  if (!ready) return <p className="loading">{t('app.loading')}</p>;
  return <Shell />;
}

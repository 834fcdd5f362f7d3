import type { RecentWorkspace } from '../../../shared/workspace';
import { useT } from '../i18n';
import { useLanguage } from '../stores/language';
import { attempt } from '../stores/errors';
import { useRoute } from '../stores/route';
import { forgetWorkspace, openWorkspace } from '../workspace/mutations';
import { useRecentWorkspaces } from '../workspace/queries';
import { PathText } from './PathText';

function RecentRow({ recent }: { recent: RecentWorkspace }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const navigate = useRoute((s) => s.navigate);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(recent.lastOpenedAt);

  async function open() {
    if (await attempt(() => openWorkspace(recent.path))) navigate({ page: 'dashboard' });
  }

  return (
    <li
      className={recent.exists ? 'recent-row' : 'recent-row missing'}
      data-testid="welcome-recent-item"
      data-path={recent.path}
      data-exists={String(recent.exists)}
    >
      <button
        type="button"
        className="recent-open"
        data-testid="recent-open"
        disabled={!recent.exists}
        onClick={() => void open()}
      >
        <span className="recent-name">{recent.name}</span>
        <span className="recent-path mono">
          <PathText path={recent.path} />
        </span>
        <span className="recent-meta">
          {recent.exists ? t('recent.lastOpened', { when }) : t('recent.missing')}
        </span>
      </button>
      <button
        type="button"
        className="button-quiet"
        data-testid="recent-forget"
        onClick={() => void attempt(() => forgetWorkspace(recent.path))}
      >
        {t('recent.forget')}
      </button>
    </li>
  );
}

/** Workspaces opened before; files that no longer exist are greyed and can be removed. */
export function RecentList() {
  const t = useT();
  const { data } = useRecentWorkspaces();
  return (
    <section className="card" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      {data && data.length === 0 ? <p className="muted">{t('recent.empty')}</p> : null}
      <ul className="recent-list" data-testid="recent-list">
        {data?.map((recent) => <RecentRow key={recent.path} recent={recent} />)}
      </ul>
    </section>
  );
}

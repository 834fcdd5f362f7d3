import type { RecentWorkspace } from '../../../shared/workspace';
import { useT } from '../i18n';
import { attempt } from '../stores/errors';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { closeWorkspace, openWorkspace } from '../workspace/mutations';
import { useRecentWorkspaces } from '../workspace/queries';

function RecentItem({ recent, current, onDone }: { recent: RecentWorkspace; current: boolean; onDone(): void }) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);

  async function open() {
    onDone();
    if (current) return;
    if (await attempt(() => openWorkspace(recent.path))) navigate({ page: 'dashboard' });
  }

  return (
    <button
      type="button"
      role="menuitem"
      className={current ? 'menu-item current' : 'menu-item'}
      data-testid="recent-item"
      data-path={recent.path}
      data-exists={String(recent.exists)}
      aria-current={current ? 'true' : undefined}
      disabled={!recent.exists}
      title={recent.path}
      onClick={() => void open()}
    >
      <span className="menu-item-name">{recent.name}</span>
      <span className="menu-item-path mono">{recent.exists ? recent.path : t('switcher.missing')}</span>
    </button>
  );
}

/** The switcher's menu: recent workspaces, then new / open / from the team share / portfolio / close. */
export function SwitcherMenu({ onDone }: { onDone(): void }) {
  const t = useT();
  const workspace = useSession((s) => s.workspace);
  const navigate = useRoute((s) => s.navigate);
  const recent = useRecentWorkspaces().data;

  function go(section: 'new' | 'open' | 'share') {
    onDone();
    navigate({ page: 'workspaces', section });
  }

  return (
    <div className="menu" role="menu" aria-label={t('switcher.label')} data-testid="switcher-menu">
      <p className="menu-heading">{t('switcher.recent')}</p>
      {recent?.length === 0 ? <p className="menu-empty">{t('switcher.noRecent')}</p> : null}
      {recent?.map((r) => (
        <RecentItem key={r.path} recent={r} current={r.path === workspace?.path} onDone={onDone} />
      ))}
      <hr className="menu-separator" />
      <button type="button" role="menuitem" className="menu-item" data-testid="switcher-new" onClick={() => go('new')}>
        {t('switcher.new')}
      </button>
      <button
        type="button"
        role="menuitem"
        className="menu-item"
        data-testid="switcher-open"
        onClick={() => go('open')}
      >
        {t('switcher.open')}
      </button>
      <button
        type="button"
        role="menuitem"
        className="menu-item"
        data-testid="switcher-share"
        onClick={() => go('share')}
      >
        {t('switcher.share')}
      </button>
      <button
        type="button"
        role="menuitem"
        className="menu-item"
        data-testid="switcher-portfolio"
        onClick={() => {
          onDone();
          navigate({ page: 'portfolio' });
        }}
      >
        {t('switcher.portfolio')}
      </button>
      {workspace ? (
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          data-testid="switcher-close"
          onClick={() => {
            onDone();
            void attempt(closeWorkspace);
          }}
        >
          {t('switcher.close')}
        </button>
      ) : null}
    </div>
  );
}

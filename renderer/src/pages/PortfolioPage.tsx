import { useId, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { useSession } from '../stores/session';
import { usePortfolio } from '../share/queries';
import { PortfolioTable } from '../components/share/PortfolioTable';
import '../components/share/share.css';

/**
 * The agency portfolio: every client workspace in a folder (or the recent ones) side by side,
 * read without opening or changing them. Works with no workspace open.
 */
export function PortfolioPage() {
  const t = useT();
  const id = useId();
  const hasWorkspace = useSession((s) => s.workspace !== null);
  const [draft, setDraft] = useState('');
  // null: the recent workspaces.
  const [folder, setFolder] = useState<string | null>(null);
  const portfolio = usePortfolio(folder);
  const rows = portfolio.data;

  function load(event: FormEvent) {
    event.preventDefault();
    setFolder(draft.trim() || null);
  }

  return (
    <section
      className="page pf-page"
      data-testid="page-portfolio"
      data-loading={portfolio.loading ? 'true' : 'false'}
      data-folder={folder ?? ''}
    >
      <header className="page-header">
        <h1>{t('portfolio.title')}</h1>
        {hasWorkspace ? null : (
          <a className="link-button" href="#/workspaces" data-testid="portfolio-back">
            {t('portfolio.back')}
          </a>
        )}
      </header>
      <p className="lead">{t('portfolio.intro')}</p>
      <form className="card pf-source" onSubmit={load} aria-label={t('portfolio.source')}>
        <label className="field-label" htmlFor={`${id}-folder`}>
          {t('portfolio.folder')}
        </label>
        <div className="pf-source-row">
          <input
            id={`${id}-folder`}
            className="mono"
            data-testid="portfolio-folder"
            value={draft}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('portfolio.folderPlaceholder')}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button-primary" data-testid="portfolio-load">
            {t('portfolio.load')}
          </button>
          {folder !== null ? (
            <button
              type="button"
              className="button-quiet"
              data-testid="portfolio-recent"
              onClick={() => {
                setDraft('');
                setFolder(null);
              }}
            >
              {t('portfolio.showRecent')}
            </button>
          ) : null}
        </div>
        <p className="field-hint" data-testid="portfolio-source">
          {folder === null ? t('portfolio.fromRecent') : t('portfolio.fromFolder', { folder })}
        </p>
      </form>
      {rows && rows.length === 0 ? (
        <p className="empty" data-testid="portfolio-empty">
          {folder === null ? t('portfolio.emptyRecent') : t('portfolio.emptyFolder')}
        </p>
      ) : null}
      {rows && rows.length > 0 ? <PortfolioTable rows={rows} /> : null}
    </section>
  );
}

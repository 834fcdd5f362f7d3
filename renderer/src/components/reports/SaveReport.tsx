import { useState } from 'react';
import type { ReportRequest, ReportSaveResult } from '../../../../shared/report';
import { downloadUrl } from '../../api';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { saveReport } from '../../reports/mutations';
import { attempt } from '../../stores/errors';
import { PathText } from '../PathText';

type Formats = { pdf: boolean; html: boolean };

/** Writes the report as PDF and/or HTML to the exports folder and lists the files with download links. */
export function SaveReport({ request }: { request: ReportRequest | null }) {
  const t = useT();
  const f = useFormatters();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<ReportSaveResult | null>(null);

  async function save(formats: Formats) {
    if (!request) return;
    setBusy(true);
    setSaved(null);
    const result = await attempt(() => saveReport({ ...request, ...formats }));
    setBusy(false);
    if (result) setSaved(result);
  }

  const button = (testId: string, label: string, formats: Formats, primary = false) => (
    <button
      type="button"
      className={primary ? 'button-primary' : 'button-secondary button-small'}
      disabled={busy || !request}
      data-testid={testId}
      onClick={() => void save(formats)}
    >
      {label}
    </button>
  );

  return (
    <div className="card rp-side-card" data-testid="report-save" data-busy={busy ? 'true' : 'false'}>
      <h2>{t('reports.save.title')}</h2>
      <div className="rp-save-buttons">
        {button(
          'report-save-both',
          busy ? t('reports.save.saving') : t('reports.save.both'),
          { pdf: true, html: true },
          true,
        )}
        <div className="rp-save-single">
          {button('report-save-pdf', t('reports.save.pdf'), { pdf: true, html: false })}
          {button('report-save-html', t('reports.save.html'), { pdf: false, html: true })}
        </div>
      </div>
      {saved ? (
        <div
          className="export-result rp-saved"
          role="status"
          data-testid="report-save-result"
          data-pdf-path={saved.pdfPath ?? ''}
          data-html-path={saved.htmlPath ?? ''}
          data-pages={saved.pages ?? ''}
        >
          <p>
            {t('reports.save.done', {
              from: saved.from,
              to: saved.to,
              ms: f.number(Math.round(saved.elapsedMs)),
            })}
            {saved.pages !== null ? ` · ${t('reports.save.pages', { n: f.number(saved.pages) })}` : null}
          </p>
          {saved.pdfPath ? <SavedFile path={saved.pdfPath} kind="pdf" /> : null}
          {saved.htmlPath ? <SavedFile path={saved.htmlPath} kind="html" /> : null}
        </div>
      ) : null}
    </div>
  );
}

function SavedFile({ path, kind }: { path: string; kind: 'pdf' | 'html' }) {
  const t = useT();
  const link = downloadUrl(path);
  return (
    <p className="rp-saved-file">
      <span className="rp-saved-kind">{kind.toUpperCase()}</span>{' '}
      <span className="mono">
        <PathText path={path} />
      </span>
      {link ? (
        <>
          {' '}
          <a className="link-button" href={link} download data-testid={`report-download-${kind}`}>
            {t('reports.save.download')}
          </a>
        </>
      ) : null}
    </p>
  );
}

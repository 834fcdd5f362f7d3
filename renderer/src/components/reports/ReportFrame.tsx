import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import type { ShownPreview } from '../../reports/queries';

/**
 * The report as its readers will see it, in an A4-wide frame. `sandbox=""` gives the document an
 * opaque origin with no scripts, forms or navigation: the report is data, not part of the app.
 */
export function ReportFrame({ shown, loading }: { shown: ShownPreview | undefined; loading: boolean }) {
  const t = useT();
  const f = useFormatters();
  return (
    <div className="card rp-preview-card">
      <div className="card-head">
        <h2>{t('reports.preview.title')}</h2>
        <span className="muted rp-built" data-testid="report-built">
          {loading
            ? t('reports.preview.loading')
            : shown
              ? t('reports.preview.builtIn', { ms: f.number(Math.round(shown.preview.elapsedMs)) })
              : null}
        </span>
      </div>
      <div className="rp-frame-scroll">
        {shown ? (
          <iframe
            className="rp-frame"
            sandbox=""
            srcDoc={shown.preview.html}
            title={t('reports.preview.title')}
            data-testid="report-preview-frame"
            data-range={`${shown.preview.from}/${shown.preview.to}`}
            data-locale={shown.preview.locale}
            data-mask={shown.request.maskNames ? 'true' : 'false'}
          />
        ) : (
          <p className="muted rp-frame-empty">{loading ? t('reports.preview.loading') : null}</p>
        )}
      </div>
    </div>
  );
}

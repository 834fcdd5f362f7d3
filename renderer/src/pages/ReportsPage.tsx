import { useEffect } from 'react';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { useT } from '../i18n';
import { useReportPreview, useReportRequest } from '../reports/queries';
import { adoptReportsWorkspace, openBranding, useReports } from '../reports/store';
import { BrandingPanel } from '../components/reports/BrandingPanel';
import { ReportControls } from '../components/reports/ReportControls';
import { ReportFrame } from '../components/reports/ReportFrame';
import { SaveReport } from '../components/reports/SaveReport';
import { SectionChecklist } from '../components/reports/SectionChecklist';
import { PublishToShare } from '../components/share/PublishToShare';
import '../components/share/share.css';
import '../components/reports/reports.css';

/**
 * Stakeholder reports: choose a period, language and masking, read the preview as it will be
 * printed, save it as PDF and HTML, publish it to the team share, and set the cover's branding.
 */
export function ReportsPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  useEffect(() => adoptReportsWorkspace(workspace.path), [workspace.path]);
  const mine = useReports((s) => s.workspacePath === workspace.path);
  const brandingOpen = useReports((s) => mine && s.brandingOpen);
  const locale = useReports((s) => (mine ? s.locale : null)) ?? workspace.locale;
  const { request, presetDays } = useReportRequest(workspace);
  const preview = useReportPreview(workspace.path, mine ? request : null);
  const shown = preview.data;

  return (
    <section
      className="page reports-page"
      data-testid="page-reports"
      data-loading={preview.loading || !shown ? 'true' : 'false'}
    >
      <header className="page-header rp-header">
        <h1>{t('reports.title')}</h1>
        <span className="muted">{t('reports.zone', { zone: workspace.timeZone })}</span>
        <span className="rp-spacer" />
        <button
          type="button"
          className="button-secondary"
          data-testid="report-branding-open"
          aria-expanded={brandingOpen}
          onClick={() => openBranding(!brandingOpen)}
        >
          {t('reports.branding.open')}
        </button>
      </header>
      <ReportControls presetDays={presetDays} range={request} locale={locale} />
      <div className="rp-layout">
        <ReportFrame shown={shown} loading={preview.loading} />
        <aside className="rp-side" aria-label={t('reports.sections.title')}>
          {brandingOpen ? <BrandingPanel workspacePath={workspace.path} /> : null}
          <SaveReport request={request} />
          <PublishToShare request={request} />
          {shown ? <SectionChecklist sections={shown.preview.sections} /> : null}
        </aside>
      </div>
    </section>
  );
}

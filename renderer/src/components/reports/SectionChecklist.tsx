import type { ReportPreview } from '../../../../shared/report';
import { useT } from '../../i18n';

/** The report's sections in order, ticked when the period has data for them. */
export function SectionChecklist({ sections }: { sections: ReportPreview['sections'] }) {
  const t = useT();
  return (
    <div className="card rp-side-card">
      <h2>{t('reports.sections.title')}</h2>
      <ul className="rp-sections" data-testid="report-sections">
        {sections.map((s) => (
          <li
            key={s.id}
            className={s.hasData ? 'rp-section' : 'rp-section rp-section-empty'}
            data-testid="report-section"
            data-id={s.id}
            data-has-data={s.hasData ? 'true' : 'false'}
          >
            <span className="rp-tick" aria-hidden="true">
              {s.hasData ? '✓' : '–'}
            </span>
            <span className="rp-section-name">{t(`reports.section.${s.id}`)}</span>
            {s.hasData ? null : (
              <span className="rp-nodata" data-testid="report-section-nodata">
                {t('reports.sections.noData')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

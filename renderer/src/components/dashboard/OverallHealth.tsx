import type { KpiDashboard } from '../../../../shared/kpi';
import { metricName, metricsRated } from '../../dashboard/metrics';
import { useT } from '../../i18n';

/** The worst colour among the metrics, and the metrics at that colour with their rules. */
export function OverallHealth({ overall, metrics }: Pick<KpiDashboard, 'overall' | 'metrics'>) {
  const t = useT();
  const worst = overall === null || overall === 'green' ? [] : metricsRated(metrics, overall);
  const status = t(`dashboard.health.${overall ?? 'none'}`);

  return (
    <section
      className={`overall-health health-banner-${overall ?? 'none'}`}
      data-testid="overall-health"
      data-status={overall ?? 'none'}
    >
      <span className={`health-dot health-${overall ?? 'none'}`} aria-hidden="true" />
      <div className="overall-text">
        <h2>{t('dashboard.health.title', { status })}</h2>
        {overall === null ? (
          <p className="muted">{t('dashboard.health.noneRated')}</p>
        ) : overall === 'green' ? (
          <p className="muted">{t('dashboard.health.allGreen')}</p>
        ) : (
          <div className="overall-metrics">
            <span className="muted">{t('dashboard.health.worst')}</span>
            <ul>
              {worst.map((m) => (
                // The rule behind the colour is the chip's tooltip, as on the tile's dot.
                <li key={m.id} className="chip" data-metric={m.id} title={m.statusReason ?? undefined}>
                  {metricName(m.id, t)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

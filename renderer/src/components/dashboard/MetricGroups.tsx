import type { CSSProperties } from 'react';
import type { Metric } from '../../../../shared/kpi';
import { groupMetrics, metricGroups } from '../../dashboard/metrics';
import { useT } from '../../i18n';
import { MetricTile } from './MetricTile';

/** The metric tiles under their group headings (scale, activity, content, retention, value, loop). */
export function MetricGroups({ metrics }: { metrics: readonly Metric[] }) {
  const t = useT();
  return (
    <div className="metric-groups">
      {metricGroups.map((group) => {
        const shown = groupMetrics(metrics, group.metrics);
        if (shown.length === 0) return null;
        return (
          <section
            key={group.id}
            className="card metric-group"
            data-testid="metric-group"
            data-group={group.id}
            // The group's share of a row follows its number of tiles (dashboard.css).
            style={{ '--tiles': shown.length } as CSSProperties}
          >
            <h2>{t(`dashboard.group.${group.id}`)}</h2>
            <div className="metric-tiles">
              {shown.map((metric) => (
                <MetricTile key={metric.id} metric={metric} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

import type { Metric } from '../../../../shared/kpi';
import { useFormatters } from '../../data/formatters';
import { deltaText, formatMetricValue, metricName, missingText } from '../../dashboard/metrics';
import { useT } from '../../i18n';
import { DefinitionPopover } from './DefinitionPopover';
import { HealthDot } from './HealthDot';

const arrows = { up: '▲', down: '▼', same: '—' } as const;

/**
 * One metric: its value in its unit, the change against the compare period, a health dot whose
 * tooltip is the rule behind the colour, and the definition behind ⓘ. A metric without a value
 * says why instead of showing 0.
 */
export function MetricTile({ metric }: { metric: Metric }) {
  const t = useT();
  const f = useFormatters();
  const name = metricName(metric.id, t);
  const delta = deltaText(metric, f, t);

  return (
    <div
      className="metric-tile"
      data-testid="metric-tile"
      data-metric={metric.id}
      data-value={metric.value ?? ''}
      data-status={metric.status ?? 'none'}
    >
      <div className="metric-head">
        <span className="metric-name">{name}</span>
        <DefinitionPopover name={name} definition={metric.definition} />
        <HealthDot status={metric.status} reason={metric.statusReason} />
      </div>
      {metric.value === null ? (
        <p className="metric-missing" data-testid="metric-missing" data-reason={metric.missing ?? ''}>
          {metric.missing ? missingText(metric.missing, t) : '—'}
        </p>
      ) : (
        <>
          <p className="metric-value">{formatMetricValue(metric.unit, metric.value, f)}</p>
          <p
            className={`metric-delta tone-${delta?.tone ?? 'neutral'}`}
            data-testid="metric-delta"
            data-delta={metric.delta ?? ''}
          >
            {delta === null ? (
              t('dashboard.delta.none')
            ) : (
              <>
                <span aria-hidden="true">{arrows[delta.direction]}</span>{' '}
                {delta.direction === 'same'
                  ? t('dashboard.delta.same')
                  : t(delta.direction === 'up' ? 'dashboard.delta.up' : 'dashboard.delta.down', {
                      delta: delta.amount,
                    })}
                {metric.previous !== null ? (
                  <span className="muted">
                    {' '}
                    {t('dashboard.delta.vs', { previous: formatMetricValue(metric.unit, metric.previous, f) })}
                  </span>
                ) : null}
              </>
            )}
          </p>
        </>
      )}
    </div>
  );
}

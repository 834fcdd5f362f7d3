import type { Scorecard as ScorecardData } from '../../../../shared/kpi';
import { useFormatters } from '../../data/formatters';
import { metricName } from '../../dashboard/metrics';
import { useT } from '../../i18n';

/** The 0–100 score and its three dimensions (members, business, brand), each with its weight. */
export function Scorecard({ scorecard }: { scorecard: ScorecardData }) {
  const t = useT();
  const f = useFormatters();
  const { score, dimensions } = scorecard;
  // Weights as shares of their sum, whether the engine writes them as fractions or percentages.
  const totalWeight = dimensions.reduce((sum, d) => sum + d.weight, 0);

  return (
    <section
      className="card scorecard"
      data-testid="scorecard"
      data-score={score ?? ''}
      aria-labelledby="scorecard-title"
    >
      <div className="scorecard-total">
        <h2 id="scorecard-title">{t('dashboard.scorecard.title')}</h2>
        <p className="scorecard-score">{score === null ? '—' : f.decimal(score)}</p>
        <p className="muted">{score === null ? t('dashboard.scorecard.none') : t('dashboard.scorecard.outOf')}</p>
      </div>
      <ul className="scorecard-dimensions">
        {dimensions.map((d) => (
          <li
            key={d.id}
            className="scorecard-dimension"
            data-testid="scorecard-dimension"
            data-dimension={d.id}
            data-score={d.score ?? ''}
            title={d.indicators
              .map((i) => `${metricName(i.metric, t)}: ${i.score === null ? '—' : f.decimal(i.score)}`)
              .join('\n')}
          >
            <span className="dimension-name">
              {t(`dashboard.scorecard.${d.id}`)}{' '}
              <span className="muted">
                {t('dashboard.scorecard.weight', {
                  weight: totalWeight > 0 ? `${f.decimal((d.weight / totalWeight) * 100)}%` : '—',
                })}
              </span>
            </span>
            <span className="dimension-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(100, d.score ?? 0))}%` }} />
            </span>
            <span className="dimension-score">{d.score === null ? '—' : f.decimal(d.score)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

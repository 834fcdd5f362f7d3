import type { PortfolioRow } from '../../../../shared/share';
import { useT } from '../../i18n';

/** A client's health as a coloured dot with its word, so colour is never the only signal. */
export function HealthDot({ health }: { health: PortfolioRow['health'] }) {
  const t = useT();
  return (
    <span className={`pf-health pf-health-${health}`} data-testid="portfolio-health" data-health={health}>
      <span className="pf-dot" aria-hidden="true" />
      {t(`portfolio.health.${health}`)}
    </span>
  );
}

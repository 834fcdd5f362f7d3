import type { HealthColour } from '../../../../shared/kpi';
import { useT } from '../../i18n';

/** A metric's health colour; its tooltip (and accessible name) is the rule behind the colour. */
export function HealthDot({ status, reason }: { status: HealthColour | null; reason: string | null }) {
  const t = useT();
  if (status === null) return null;
  const words = t(`dashboard.health.${status}`);
  const text = reason ? `${words}: ${reason}` : words;
  return (
    <span
      className={`health-dot health-${status}`}
      title={text}
      role="img"
      aria-label={text}
      data-testid="metric-health"
    />
  );
}

import type { ReactNode } from 'react';
import { useT } from '../../i18n';

interface ChartCardProps {
  testId: string;
  title: string;
  /** True when the series has nothing to draw: the card says so instead of an empty frame. */
  empty: boolean;
  hint?: string;
  /** What the chart shows as data, for tests and tools that cannot read the SVG: `key=value …`. */
  data?: string;
  /** Spans both columns of the chart grid. */
  wide?: boolean;
  children: ReactNode;
}

/** A chart with its heading, or the reason it has nothing to show. */
export function ChartCard({ testId, title, empty, hint, data, wide = false, children }: ChartCardProps) {
  const t = useT();
  return (
    <section className={wide ? 'card chart-card chart-card-wide' : 'card chart-card'} data-testid={testId} data-empty={empty} data-series={data} aria-label={title}>
      <div className="card-head">
        <h2>{title}</h2>
        {hint && !empty ? <span className="muted chart-hint">{hint}</span> : null}
      </div>
      {empty ? <p className="chart-empty muted">{t('dashboard.chart.empty')}</p> : children}
    </section>
  );
}

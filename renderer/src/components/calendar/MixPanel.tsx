import type { MixGroup } from '../../../../shared/calendar';
import { groupKey, mixPartKey } from '../../calendar/labels';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';

/**
 * The visible period's content mix: per group, each part's share as a bar with a tick at its
 * target; amber when the plan drifts past the allowed points.
 */
export function MixPanel({ mix }: { mix: readonly MixGroup[] }) {
  const t = useT();
  const f = useFormatters();
  return (
    <section className="cal-card" data-testid="calendar-mix" aria-labelledby="cal-mix-title">
      <h2 id="cal-mix-title">{t('calendar.mix.title')}</h2>
      {mix.map((group) => (
        <div
          key={group.group}
          className="cal-mix-group"
          data-testid="mix-group"
          data-group={group.group}
          data-status={group.status}
        >
          <h3>
            {t(groupKey(group.group))}{' '}
            <span className="muted">
              {t('calendar.mix.counted', { n: f.number(group.total) })}
              {group.unclassified > 0
                ? ` · ${t('calendar.mix.unclassified', { n: f.number(group.unclassified) })}`
                : ''}
            </span>
          </h3>
          {group.parts.map((part) => {
            const key = mixPartKey(group.group, part.key);
            const name = key ? t(key) : part.key;
            const share = part.share ?? 0;
            return (
              <div
                key={part.key}
                className={`cal-mix-part cal-mix-${part.status}`}
                data-testid="mix-part"
                data-group={group.group}
                data-key={part.key}
                data-share={part.share === null ? '' : part.share.toFixed(1)}
                data-target={part.target}
                data-status={part.status}
              >
                <span className="cal-mix-name">{name}</span>
                <span
                  className="cal-mix-bar"
                  role="meter"
                  aria-label={name}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(share)}
                  aria-valuetext={t('calendar.mix.valueText', {
                    share: f.decimal(share),
                    target: f.decimal(part.target),
                  })}
                >
                  <span className="cal-mix-fill" style={{ width: `${Math.min(100, share)}%` }} />
                  <span className="cal-mix-target" style={{ left: `${Math.min(100, part.target)}%` }} />
                </span>
                <span className="cal-mix-value num">
                  {part.share === null ? '—' : `${f.decimal(part.share)}%`}
                  <span className="muted"> / {f.decimal(part.target)}%</span>
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}

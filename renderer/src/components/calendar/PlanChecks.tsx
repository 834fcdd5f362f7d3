import type { CalendarView } from '../../../../shared/calendar';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';

interface PlanChecksProps {
  view: CalendarView;
  /** Shows a day in the grid. */
  onGoTo(date: string): void;
}

/** What the plan gets wrong or promises: channel clashes, series gaps, overloaded owners, high-value events per quarter. */
export function PlanChecks({ view, onGoTo }: PlanChecksProps) {
  const t = useT();
  const f = useFormatters();
  const titleOf = new Map(view.items.map((item) => [item.key, item.title]));
  return (
    <section className="cal-card cal-checks" data-testid="calendar-checks" aria-labelledby="cal-checks-title">
      <h2 id="cal-checks-title">{t('calendar.checks.title')}</h2>

      <h3>{t('calendar.checks.conflicts')}</h3>
      {view.conflicts.length === 0 ? <p className="muted">{t('calendar.checks.none')}</p> : null}
      <ul className="cal-check-list">
        {view.conflicts.map((c) => (
          <li key={`${c.channel}-${c.start}`} data-testid="calendar-conflict" data-date={c.start.slice(0, 10)}>
            <button type="button" className="link-button" onClick={() => onGoTo(c.start.slice(0, 10))}>
              {c.start.replace('T', ' ')}
            </button>{' '}
            {t('calendar.checks.conflict', { channel: c.channel, n: c.keys.length })}
            <span className="muted cal-check-titles">{c.keys.map((k) => titleOf.get(k) ?? k).join(' · ')}</span>
          </li>
        ))}
      </ul>

      <h3>{t('calendar.checks.gaps')}</h3>
      {view.gaps.length === 0 ? <p className="muted">{t('calendar.checks.none')}</p> : null}
      <ul className="cal-check-list">
        {view.gaps.map((g) => (
          <li key={`${g.seriesId}-${g.date}`} data-testid="calendar-gap" data-date={g.date}>
            <button type="button" className="link-button" onClick={() => onGoTo(g.date)}>
              {g.date}
            </button>{' '}
            {t('calendar.checks.gap', { title: g.title, channel: g.channel ?? '—' })}
          </li>
        ))}
      </ul>

      <h3>{t('calendar.checks.overloads')}</h3>
      {view.overloads.length === 0 ? <p className="muted">{t('calendar.checks.none')}</p> : null}
      <ul className="cal-check-list">
        {view.overloads.map((o) => (
          <li key={`${o.owner}-${o.week}`} data-testid="calendar-overload" data-owner={o.owner}>
            {t('calendar.checks.overload', {
              owner: o.owner,
              week: o.week,
              count: f.number(o.count),
              limit: f.number(o.limit),
            })}
          </li>
        ))}
      </ul>

      <h3>{t('calendar.checks.highValue')}</h3>
      <ul className="cal-check-list">
        {view.highValue.map((q) => (
          <li
            key={q.quarter}
            data-testid="calendar-high-value"
            data-quarter={q.quarter}
            className={q.planned < q.target ? 'cal-short' : undefined}
          >
            <strong>{q.quarter}</strong>{' '}
            {t('calendar.checks.highValueLine', {
              planned: f.number(q.planned),
              target: f.number(q.target),
              met: f.number(q.met),
              min: f.number(q.minParticipants),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { IncidentBrief } from '../../../../shared/crisis';
import { openIncident } from '../../crisis/store';
import { actionTimer, formatDue } from '../../../../shared/crisis/timers';
import { useNow } from '../../crisis/useNow';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { useSession } from '../../stores/session';
import { ColourBadge, DrillBadge } from './Badges';

/** Incidents being handled: progress, the next deadline and whether it has passed. */
export function IncidentList({ incidents, now: boardNow }: { incidents: readonly IncidentBrief[]; now: number }) {
  const t = useT();
  const f = useFormatters();
  const language = useLanguage((s) => s.language);
  const timeZone = useSession((s) => s.workspace?.timeZone ?? 'UTC');
  const now = Math.max(useNow(), boardNow);
  return (
    <section className="cr-card" data-testid="crisis-incidents" aria-labelledby="cr-incidents-title">
      <div className="card-head">
        <h2 id="cr-incidents-title">{t('crisis.incidents.title')}</h2>
        <span className="muted">{t('crisis.incidents.count', { n: incidents.length })}</span>
      </div>
      {incidents.length === 0 ? (
        <p className="empty">{t('crisis.incidents.empty')}</p>
      ) : (
        <ul className="cr-list">
          {incidents.map((i) => {
            const timer = i.nextDueAt !== null ? actionTimer({ dueAt: i.nextDueAt, doneAt: null }, now) : null;
            return (
              <li key={i.id}>
                <button
                  type="button"
                  className={`cr-incident cr-edge-${i.colour}${i.isDrill ? ' cr-is-drill' : ''}`}
                  data-testid="crisis-incident"
                  data-id={i.id}
                  data-drill={i.isDrill ? 'true' : 'false'}
                  data-colour={i.colour}
                  data-level={i.level}
                  data-done={i.actionsDone}
                  data-total={i.actionsTotal}
                  onClick={() => openIncident(i.id)}
                >
                  <span className="cr-incident-head">
                    {i.isDrill ? <DrillBadge /> : null}
                    <strong className="cr-incident-title">{i.title}</strong>
                    <ColourBadge colour={i.colour} level={i.level} testId="incident-colour" />
                  </span>
                  <span className="cr-incident-meta">
                    {i.playbookName ? <span>{i.playbookName}</span> : null}
                    <span>
                      {t('crisis.incidents.started')} <span className="mono">{f.dateTime(i.startedAt)}</span>
                    </span>
                    <span data-testid="incident-progress">
                      {t('crisis.incidents.progress', { done: i.actionsDone, total: i.actionsTotal })}
                    </span>
                    {timer && i.nextDueAt !== null ? (
                      <span
                        className={`cr-timer cr-timer-${timer.state}`}
                        data-testid="incident-next-due"
                        data-state={timer.state}
                      >
                        {t('crisis.incidents.nextDue', { due: formatDue(i.nextDueAt, now, timeZone, language) })}
                        {i.overdue > 0 ? ` · ${t('crisis.incidents.overdue', { n: i.overdue })}` : ''}
                      </span>
                    ) : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import type { IncidentBrief } from '../../../../shared/crisis';
import { openIncident } from '../../crisis/store';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { ColourBadge, DrillBadge } from './Badges';

/** Closed incidents, each with a link to its post-mortem. */
export function PastIncidents({ incidents }: { incidents: readonly IncidentBrief[] }) {
  const t = useT();
  const f = useFormatters();
  return (
    <section className="cr-card" data-testid="crisis-past" aria-labelledby="cr-past-title">
      <div className="card-head">
        <h2 id="cr-past-title">{t('crisis.past.title')}</h2>
        <span className="muted">{t('crisis.incidents.count', { n: incidents.length })}</span>
      </div>
      {incidents.length === 0 ? (
        <p className="empty">{t('crisis.past.empty')}</p>
      ) : (
        <table className="data-table cr-past-table">
          <thead>
            <tr>
              <th>{t('crisis.past.incident')}</th>
              <th>{t('crisis.past.colour')}</th>
              <th>{t('crisis.past.period')}</th>
              <th className="col-actions" />
            </tr>
          </thead>
          <tbody>
            {incidents.map((i) => (
              <tr
                key={i.id}
                data-testid="crisis-past-incident"
                data-id={i.id}
                data-drill={i.isDrill ? 'true' : 'false'}
              >
                <td>
                  {i.isDrill ? <DrillBadge /> : null} {i.title}
                  {i.playbookName ? <span className="muted cr-sub"> · {i.playbookName}</span> : null}
                </td>
                <td>
                  <ColourBadge colour={i.colour} level={i.level} />
                </td>
                <td className="mono nowrap">
                  {f.dateTime(i.startedAt)}
                  {i.closedAt !== null ? ` → ${f.dateTime(i.closedAt)}` : ''}
                </td>
                <td className="col-actions">
                  <button
                    type="button"
                    className="link-button"
                    data-testid="past-postmortem"
                    onClick={() => openIncident(i.id)}
                  >
                    {t('crisis.past.postmortem')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type { Incident } from '../../../../shared/crisis';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { EventList } from './Timeline';

/** A closed incident's post-mortem as written, with the timeline it froze. */
export function PostmortemView({ incident }: { incident: Incident }) {
  const t = useT();
  const f = useFormatters();
  const pm = incident.postmortem;
  if (!pm) return null;
  const dash = '—';
  return (
    <section className="cr-section cr-pm" data-testid="postmortem" aria-labelledby="cr-pm-title">
      <h3 id="cr-pm-title">{t('crisis.postmortem.title')}</h3>
      <p className="cr-pm-summary" data-testid="postmortem-summary">
        {pm.summary}
      </p>
      <dl className="cr-pm-impact">
        <div>
          <dt>{t('crisis.postmortem.members')}</dt>
          <dd data-testid="postmortem-members">{pm.impact.members !== null ? f.number(pm.impact.members) : dash}</dd>
        </div>
        <div>
          <dt>{t('crisis.postmortem.messages')}</dt>
          <dd>{pm.impact.messages !== null ? f.number(pm.impact.messages) : dash}</dd>
        </div>
        <div>
          <dt>{t('crisis.postmortem.negativeShareShort')}</dt>
          <dd>{pm.impact.negativeShare !== null ? f.percent(pm.impact.negativeShare) : dash}</dd>
        </div>
      </dl>
      {pm.impact.notes ? <p className="cr-pm-text">{pm.impact.notes}</p> : null}
      {pm.wentWell ? (
        <>
          <h4>{t('crisis.postmortem.wentWell')}</h4>
          <p className="cr-pm-text" data-testid="postmortem-went-well">
            {pm.wentWell}
          </p>
        </>
      ) : null}
      {pm.toChange ? (
        <>
          <h4>{t('crisis.postmortem.toChange')}</h4>
          <p className="cr-pm-text">{pm.toChange}</p>
        </>
      ) : null}
      {pm.followUps.length > 0 ? (
        <>
          <h4>{t('crisis.postmortem.followUps')}</h4>
          <ul className="cr-pm-followups" data-testid="postmortem-followups">
            {pm.followUps.map((fu, i) => (
              <li key={i}>
                {fu.title}
                {fu.owner ? <span className="muted"> · {fu.owner}</span> : null}
                {fu.due ? <span className="muted mono"> · {fu.due}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('crisis.postmortem.timeline')}</h4>
      <EventList events={pm.timeline} testId="postmortem-timeline" />
    </section>
  );
}

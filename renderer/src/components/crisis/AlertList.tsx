import { useState } from 'react';
import type { Alert, Playbook } from '../../../../shared/crisis';
import { alertStatusKey, ruleKindKey } from '../../crisis/labels';
import { updateAlert } from '../../crisis/mutations';
import { startDialog } from '../../crisis/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { ColourBadge } from './Badges';
import { AlertDetail } from './AlertDetail';
import { Evidence } from './Evidence';

/** Alerts not yet resolved, worst first as the services order them. */
export function AlertList({ alerts, playbooks }: { alerts: readonly Alert[]; playbooks: readonly Playbook[] }) {
  const t = useT();
  return (
    <section className="cr-card" data-testid="crisis-alerts" aria-labelledby="cr-alerts-title">
      <div className="card-head">
        <h2 id="cr-alerts-title">{t('crisis.alerts.title')}</h2>
        <span className="muted">{t('crisis.alerts.count', { n: alerts.length })}</span>
      </div>
      {alerts.length === 0 ? (
        <p className="empty" data-testid="crisis-alerts-empty">
          {t('crisis.alerts.empty')}
        </p>
      ) : (
        <ul className="cr-list">
          {alerts.map((a) => (
            <AlertRow key={a.id} alert={a} playbook={playbooks.find((p) => p.id === a.suggestedPlaybookId) ?? null} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertRow({ alert, playbook }: { alert: Alert; playbook: Playbook | null }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function setStatus(status: 'acknowledged' | 'resolved') {
    setBusy(true);
    await attempt(() => updateAlert({ id: alert.id, status }));
    setBusy(false);
  }

  const period = alert.from === alert.to ? alert.from : `${alert.from} – ${alert.to}`;
  return (
    <li
      className={`cr-alert cr-edge-${alert.colour}`}
      data-testid="crisis-alert"
      data-id={alert.id}
      data-rule={alert.rule}
      data-status={alert.status}
      data-colour={alert.colour}
    >
      <div className="cr-alert-head">
        <ColourBadge colour={alert.colour} level={alert.level} />
        <strong className="cr-alert-name" data-testid="alert-name">
          {alert.name}
        </strong>
        <span className="badge">{t(ruleKindKey(alert.rule))}</span>
        {alert.status === 'acknowledged' ? (
          <span className="badge badge-warn" data-testid="alert-status">
            {t(alertStatusKey(alert.status))}
          </span>
        ) : null}
      </div>
      <p className="cr-alert-meta">
        <span>{alert.channel || t('crisis.alerts.allChannels')}</span>
        <span className="mono">{period}</span>
        <span data-testid="alert-count">{t('crisis.alerts.messages', { n: alert.count })}</span>
      </p>
      <AlertDetail alert={alert} />
      <div className="cr-actions">
        {alert.evidence.length > 0 ? (
          <button
            type="button"
            className="button-quiet button-small"
            aria-expanded={open}
            data-testid="alert-evidence-toggle"
            onClick={() => setOpen(!open)}
          >
            {open ? t('crisis.alerts.hideEvidence') : t('crisis.alerts.showEvidence', { n: alert.evidence.length })}
          </button>
        ) : null}
        <span className="cr-spacer" />
        {alert.incidentId === null ? (
          <button
            type="button"
            className="button-primary button-small"
            data-testid="alert-start"
            onClick={() => startDialog({ playbookId: playbook?.id ?? null, title: alert.name, alertId: alert.id })}
          >
            {playbook ? t('crisis.alerts.startPlaybook', { name: playbook.name }) : t('crisis.alerts.startIncident')}
          </button>
        ) : (
          <span className="badge" data-testid="alert-has-incident">
            {t('crisis.alerts.hasIncident')}
          </span>
        )}
        {alert.status === 'open' ? (
          <button
            type="button"
            className="button-secondary button-small"
            disabled={busy}
            data-testid="alert-ack"
            onClick={() => void setStatus('acknowledged')}
          >
            {t('crisis.alerts.acknowledge')}
          </button>
        ) : null}
        <button
          type="button"
          className="button-secondary button-small"
          disabled={busy}
          data-testid="alert-resolve"
          onClick={() => void setStatus('resolved')}
        >
          {t('crisis.alerts.resolve')}
        </button>
      </div>
      {open ? <Evidence alert={alert} /> : null}
    </li>
  );
}

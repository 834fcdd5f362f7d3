import { useEffect, useRef, useState } from 'react';
import type { Alert, Incident, Playbook } from '../../../../shared/crisis';
import { useIncident } from '../../crisis/queries';
import { openIncident } from '../../crisis/store';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { ActionChecklist } from './ActionChecklist';
import { ColourBadge, DrillBadge } from './Badges';
import { LevelForm } from './LevelForm';
import { PostmortemForm } from './PostmortemForm';
import { PostmortemView } from './PostmortemView';
import { RolesEditor } from './RolesEditor';
import { Templates } from './Templates';
import { Timeline } from './Timeline';

interface IncidentPanelProps {
  workspacePath: string;
  id: number;
  alerts: readonly Alert[];
  playbooks: readonly Playbook[];
}

/** One incident in a side panel: level, roles, checklist, timeline, templates, and closing it. */
export function IncidentPanel({ workspacePath, id, alerts, playbooks }: IncidentPanelProps) {
  const t = useT();
  const { data } = useIncident(workspacePath, id);
  // While another incident loads, the last one is still in hand: don't show it.
  const incident = data && data.id === id ? data : undefined;
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') openIncident(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <aside
      className={`cr-drawer${incident?.isDrill ? ' cr-drawer-drill' : ''}`}
      data-testid="incident-panel"
      data-id={incident?.id ?? ''}
      data-status={incident?.status ?? ''}
      data-drill={incident ? String(incident.isDrill) : ''}
      aria-labelledby="cr-incident-title"
    >
      {incident?.isDrill ? (
        <div className="cr-drill-banner" data-testid="incident-drill-banner">
          {t('crisis.drill.banner')}
        </div>
      ) : null}
      <header className="cr-drawer-head">
        <div>
          <h2 id="cr-incident-title" ref={title} tabIndex={-1}>
            {incident?.isDrill ? <DrillBadge testId="incident-drill" /> : null}{' '}
            {incident ? incident.title : t('app.loading')}
          </h2>
          {incident ? <PanelMeta incident={incident} /> : null}
        </div>
        <button
          type="button"
          className="button-quiet"
          data-testid="incident-close-panel"
          onClick={() => openIncident(null)}
        >
          {t('crisis.close')}
        </button>
      </header>
      {incident ? (
        <PanelBody
          key={incident.id}
          incident={incident}
          alert={alerts.find((a) => a.id === incident.alertId) ?? null}
          playbook={playbooks.find((p) => p.id === incident.playbookId) ?? null}
        />
      ) : (
        <p className="cr-drawer-body muted">{t('app.loading')}</p>
      )}
    </aside>
  );
}

function PanelMeta({ incident }: { incident: Incident }) {
  const t = useT();
  const f = useFormatters();
  const done = incident.actions.filter((a) => a.doneAt !== null).length;
  return (
    <p className="cr-drawer-meta">
      <ColourBadge colour={incident.colour} level={incident.level} testId="incident-level" />
      <span
        className={`status ${incident.status === 'open' ? 'status-running' : 'status-done'}`}
        data-testid="incident-status"
      >
        {t(incident.status === 'open' ? 'crisis.incident.open' : 'crisis.incident.closed')}
      </span>
      <span className="muted">
        {t('crisis.incidents.started')} <span className="mono">{f.dateTime(incident.startedAt)}</span>
      </span>
      <span className="muted" data-testid="incident-done" data-done={done} data-total={incident.actions.length}>
        {t('crisis.incidents.progress', { done, total: incident.actions.length })}
      </span>
      {incident.playbookName ? <span className="muted">{incident.playbookName}</span> : null}
    </p>
  );
}

function PanelBody({
  incident,
  alert,
  playbook,
}: {
  incident: Incident;
  alert: Alert | null;
  playbook: Playbook | null;
}) {
  const t = useT();
  const [closing, setClosing] = useState(false);
  const open = incident.status === 'open';
  const body = useRef<HTMLDivElement>(null);
  // Once closed, the post-mortem (at the top) is what to read: don't leave the view at the form.
  // (In braces: newer Chromium returns a promise from scrollTo, and an effect may only return a cleanup.)
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [incident.status]);
  return (
    <div className="cr-drawer-body" ref={body}>
      {incident.postmortem ? <PostmortemView incident={incident} /> : null}
      {open ? <LevelForm incident={incident} /> : null}
      <RolesEditor incident={incident} />
      <ActionChecklist incident={incident} />
      {open || !incident.postmortem ? <Timeline incident={incident} /> : null}
      {playbook && playbook.templates.length > 0 ? <Templates templates={playbook.templates} /> : null}
      {open ? (
        <section className="cr-section" aria-labelledby="cr-close-title">
          <h3 id="cr-close-title">{t('crisis.postmortem.title')}</h3>
          {closing ? (
            <PostmortemForm incident={incident} alert={alert} onCancel={() => setClosing(false)} />
          ) : (
            <>
              <p className="field-hint">{t('crisis.postmortem.hint')}</p>
              <button
                type="button"
                className="button-secondary"
                data-testid="incident-close-start"
                onClick={() => setClosing(true)}
              >
                {t('crisis.postmortem.start')}
              </button>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

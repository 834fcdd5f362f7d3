import type { Playbook } from '../../../../shared/crisis';
import { dueOffsetLabel, roleLabel } from '../../crisis/labels';
import { useT } from '../../i18n';

/** A playbook's steps (role, deadline after the start), templates and escalation path. */
export function PlaybookDetails({ playbook }: { playbook: Playbook }) {
  const t = useT();
  return (
    <div className="cr-playbook-details" data-testid="playbook-details">
      {playbook.triggers ? (
        <p className="cr-sub">{t('crisis.playbooks.triggersLine', { text: playbook.triggers })}</p>
      ) : null}
      <ol className="cr-steps">
        {playbook.steps.map((s, i) => (
          <li key={i} data-testid="playbook-step">
            <span className="mono cr-step-due">{dueOffsetLabel(s.dueMinutes)}</span>
            <span className="cr-step-title">{s.title}</span>
            <span className="badge">{roleLabel(t, s.role)}</span>
          </li>
        ))}
      </ol>
      {playbook.templates.length > 0 ? (
        <>
          <h4>{t('crisis.templates.title')}</h4>
          <ul className="cr-template-names">
            {playbook.templates.map((tpl, i) => (
              <li key={i} title={tpl.text}>
                {tpl.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {playbook.escalation ? (
        <>
          <h4>{t('crisis.editor.escalation')}</h4>
          <p className="cr-pm-text">{playbook.escalation}</p>
        </>
      ) : null}
    </div>
  );
}

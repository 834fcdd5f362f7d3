import { useState, type FormEvent } from 'react';
import type { Playbook } from '../../../../shared/crisis';
import { startIncident } from '../../crisis/mutations';
import { openIncident, setActor, startDialog, useCrisis, type StartRequest } from '../../crisis/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { ColourBadge } from './Badges';
import { Dialog } from '../Dialog';

/** Starts an incident from a playbook (or blank): its title, whether it is a drill, and who starts it. */
export function StartDialog({ request, playbooks }: { request: StartRequest; playbooks: readonly Playbook[] }) {
  const t = useT();
  const actor = useCrisis((s) => s.actor);
  const [playbookId, setPlaybookId] = useState<number | null>(request.playbookId);
  const [title, setTitle] = useState(request.title);
  const [drill, setDrill] = useState(false);
  const [busy, setBusy] = useState(false);
  const playbook = playbooks.find((p) => p.id === playbookId) ?? null;

  async function start(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const incident = await attempt(() =>
      startIncident({ playbookId, title: title.trim(), isDrill: drill, alertId: request.alertId, actor: actor.trim() }),
    );
    setBusy(false);
    if (incident) {
      startDialog(null);
      openIncident(incident.id);
    }
  }

  return (
    <Dialog
      titleId="cr-start-title"
      title={t('crisis.start.title')}
      testId="start-dialog"
      onClose={() => startDialog(null)}
      closeLabel={t('crisis.close')}

      onSubmit={(e) => void start(e)}
    >
      <div className="dialog-body cr-form">
        <div className="field">
          <label className="field-label" htmlFor="cr-start-playbook">
            {t('crisis.start.playbook')}
          </label>
          <select
            id="cr-start-playbook"
            value={playbookId ?? ''}
            data-testid="start-playbook"
            onChange={(e) => setPlaybookId(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('crisis.start.noPlaybook')}</option>
            {playbooks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {playbook ? (
            <p className="field-hint">
              <ColourBadge colour={playbook.colour} level={playbook.level} />{' '}
              {t('crisis.playbooks.steps', { n: playbook.steps.length })}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cr-start-name">
            {t('crisis.start.name')}
          </label>
          <input
            id="cr-start-name"
            value={title}
            required
            maxLength={200}
            data-testid="start-title"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cr-start-actor">
            {t('crisis.actor.label')}
          </label>
          <input
            id="cr-start-actor"
            value={actor}
            required
            maxLength={64}
            placeholder={t('crisis.actor.placeholder')}
            data-testid="start-actor"
            onChange={(e) => setActor(e.target.value)}
          />
          <p className="field-hint">{t('crisis.actor.hint')}</p>
        </div>
        <label className={`cr-check${drill ? ' cr-check-drill' : ''}`}>
          <input
            type="checkbox"
            checked={drill}
            data-testid="start-drill"
            onChange={(e) => setDrill(e.target.checked)}
          />
          <span>
            <strong>{t('crisis.start.drill')}</strong>
            <span className="field-hint"> {t('crisis.start.drillHint')}</span>
          </span>
        </label>
        {request.alertId !== null ? <p className="field-hint">{t('crisis.start.fromAlert')}</p> : null}
      </div>
      <footer className="dialog-foot">
        <button type="button" className="button-secondary" onClick={() => startDialog(null)}>
          {t('crisis.cancel')}
        </button>
        <button
          type="submit"
          className="button-primary"
          disabled={busy || !title.trim() || !actor.trim()}
          data-testid="start-submit"
        >
          {drill ? t('crisis.start.submitDrill') : t('crisis.start.submit')}
        </button>
      </footer>
    </Dialog>
  );
}

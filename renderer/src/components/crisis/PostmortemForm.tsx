import { useState, type FormEvent } from 'react';
import type { Alert, Incident } from '../../../../shared/crisis';
import { closeIncident } from '../../crisis/mutations';
import { postmortemFormState, toPostmortem, type PostmortemFormState } from '../../crisis/postmortemForm';
import { useActor } from '../../crisis/useActor';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { FollowUpsEditor } from './FollowUpsEditor';

/** Closes the incident with its post-mortem; the impact starts from the alert's evidence. */
export function PostmortemForm({
  incident,
  alert,
  onCancel,
}: {
  incident: Incident;
  alert: Alert | null;
  onCancel(): void;
}) {
  const t = useT();
  const actor = useActor();
  const [form, setForm] = useState<PostmortemFormState>(() => postmortemFormState(alert));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PostmortemFormState>) => setForm({ ...form, ...patch });

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    await attempt(() => closeIncident({ incidentId: incident.id, postmortem: toPostmortem(form), actor: actor() }));
    setBusy(false);
  }

  const text = (
    key: 'summary' | 'wentWell' | 'toChange' | 'impactNotes',
    label: string,
    rows: number,
    required = false,
  ) => (
    <div className="field">
      <label className="field-label" htmlFor={`cr-pm-${key}`}>
        {label}
      </label>
      <textarea
        id={`cr-pm-${key}`}
        rows={rows}
        value={form[key]}
        required={required}
        data-testid={`pm-${key}`}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );
  const number = (key: 'members' | 'messages' | 'negativePercent', label: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`cr-pm-${key}`}>
        {label}
      </label>
      <input
        id={`cr-pm-${key}`}
        type="number"
        min={0}
        max={key === 'negativePercent' ? 100 : undefined}
        step="any"
        value={form[key]}
        data-testid={`pm-${key}`}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="cr-pm-form" data-testid="postmortem-form" onSubmit={(e) => void save(e)}>
      {text('summary', t('crisis.postmortem.summary'), 3, true)}
      <fieldset className="cr-fieldset">
        <legend>{t('crisis.postmortem.impact')}</legend>
        <div className="cr-grid-3">
          {number('members', t('crisis.postmortem.members'))}
          {number('messages', t('crisis.postmortem.messages'))}
          {number('negativePercent', t('crisis.postmortem.negativeShare'))}
        </div>
        {alert ? <p className="field-hint">{t('crisis.postmortem.prefilled')}</p> : null}
        {text('impactNotes', t('crisis.postmortem.impactNotes'), 2)}
      </fieldset>
      {text('wentWell', t('crisis.postmortem.wentWell'), 3)}
      {text('toChange', t('crisis.postmortem.toChange'), 3)}
      <FollowUpsEditor rows={form.followUps} onChange={(followUps) => set({ followUps })} />
      <div className="cr-actions">
        <span className="cr-spacer" />
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('crisis.cancel')}
        </button>
        <button type="submit" className="button-primary" disabled={busy || !form.summary.trim()} data-testid="pm-save">
          {t('crisis.postmortem.save')}
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { colourForLevel, warningColours, type Incident, type WarningColour } from '../../../../shared/crisis';
import { colourKey, levelKey } from '../../crisis/labels';
import { changeLevel } from '../../crisis/mutations';
import { useActor } from '../../crisis/useActor';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';

const levels = [1, 2, 3, 4, 5] as const;

/** Raise or lower the colour and level, with the reason the timeline records. */
export function LevelForm({ incident }: { incident: Incident }) {
  const t = useT();
  const actor = useActor();
  const [editing, setEditing] = useState(false);
  const [colour, setColour] = useState<WarningColour>(incident.colour);
  const [level, setLevel] = useState<number>(incident.level);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const done = await attempt(() =>
      changeLevel({ incidentId: incident.id, colour, level, reason: reason.trim(), actor: actor() }),
    );
    setBusy(false);
    if (done) {
      setEditing(false);
      setReason('');
    }
  }

  if (!editing) {
    return (
      <section className="cr-section cr-section-inline">
        <button
          type="button"
          className="button-secondary button-small"
          data-testid="incident-level-change"
          onClick={() => {
            setColour(incident.colour);
            setLevel(incident.level);
            setEditing(true);
          }}
        >
          {t('crisis.levelForm.open')}
        </button>
      </section>
    );
  }
  return (
    <form className="cr-section cr-level-form" data-testid="incident-level-form" onSubmit={(e) => void save(e)}>
      <h3>{t('crisis.levelForm.title')}</h3>
      <div className="cr-grid-2">
        <div className="field">
          <label className="field-label" htmlFor="cr-level-level">
            {t('crisis.levelForm.level')}
          </label>
          <select
            id="cr-level-level"
            value={level}
            data-testid="level-level"
            onChange={(e) => {
              const next = Number(e.target.value);
              setLevel(next);
              // The colour follows the level unless the user picks another afterwards.
              setColour(colourForLevel(next));
            }}
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {t('crisis.levelN', { n: l })} · {t(levelKey(l))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="cr-level-colour">
            {t('crisis.levelForm.colour')}
          </label>
          <select
            id="cr-level-colour"
            value={colour}
            data-testid="level-colour"
            onChange={(e) => setColour(e.target.value as WarningColour)}
          >
            {warningColours.map((c) => (
              <option key={c} value={c}>
                {t(colourKey(c))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="cr-level-reason">
          {t('crisis.levelForm.reason')}
        </label>
        <input
          id="cr-level-reason"
          value={reason}
          required
          maxLength={2000}
          data-testid="level-reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="cr-actions">
        <span className="cr-spacer" />
        <button type="button" className="button-quiet button-small" onClick={() => setEditing(false)}>
          {t('crisis.cancel')}
        </button>
        <button
          type="submit"
          className="button-primary button-small"
          disabled={busy || !reason.trim()}
          data-testid="level-save"
        >
          {t('crisis.levelForm.save')}
        </button>
      </div>
    </form>
  );
}

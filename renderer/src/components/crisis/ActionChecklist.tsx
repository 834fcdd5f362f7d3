import { useState } from 'react';
import type { Incident, IncidentAction } from '../../../../shared/crisis';
import { roleLabel } from '../../crisis/labels';
import { updateAction } from '../../crisis/mutations';
import { actionTimer, formatDue, formatDuration } from '../../../../shared/crisis/timers';
import { useActor } from '../../crisis/useActor';
import { useNow } from '../../crisis/useNow';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { useLanguage } from '../../stores/language';
import { useSession } from '../../stores/session';

/** The incident's checklist: tick an action done, who does it, when it is due, and a note. */
export function ActionChecklist({ incident }: { incident: Incident }) {
  const t = useT();
  // Re-rendered every 30 s so "due in 12 min" counts down and turns overdue on time.
  const now = useNow(30_000);
  const done = incident.actions.filter((a) => a.doneAt !== null).length;
  return (
    <section className="cr-section" aria-labelledby="cr-actions-title" data-testid="incident-actions">
      <h3 id="cr-actions-title">
        {t('crisis.actions.title')}{' '}
        <span className="muted cr-sub">{t('crisis.incidents.progress', { done, total: incident.actions.length })}</span>
      </h3>
      <ol className="cr-checklist">
        {incident.actions.map((a) => (
          <ActionRow
            key={`${a.id}:${a.doneAt ?? ''}:${a.assignee ?? ''}:${a.note}`}
            incident={incident}
            action={a}
            now={now}
          />
        ))}
      </ol>
    </section>
  );
}

function ActionRow({ incident, action, now }: { incident: Incident; action: IncidentAction; now: number }) {
  const t = useT();
  const actor = useActor();
  const language = useLanguage((s) => s.language);
  const timeZone = useSession((s) => s.workspace?.timeZone ?? 'UTC');
  const [assignee, setAssignee] = useState(action.assignee ?? '');
  const [note, setNote] = useState(action.note);
  const [busy, setBusy] = useState(false);
  const [noteOpen, setNoteOpen] = useState(action.note !== '');
  // The tick shows at once; the row is remade when the services answer (its key has doneAt).
  const [ticked, setTicked] = useState<boolean | null>(null);
  const open = incident.status === 'open';
  const timer = actionTimer(action, now);
  const isDone = action.doneAt !== null;

  async function save(change: { done?: boolean; assignee?: string | null; note?: string }) {
    setBusy(true);
    const saved = await attempt(() =>
      updateAction({ incidentId: incident.id, actionId: action.id, ...change, actor: actor() }),
    );
    setBusy(false);
    if (!saved) setTicked(null);
  }

  return (
    <li
      className={`cr-action${open || isDone ? ` cr-timer-row-${timer.state}` : ''}`}
      data-testid="incident-action"
      data-id={action.id}
      data-done={isDone ? 'true' : 'false'}
      data-state={timer.state}
    >
      <input
        type="checkbox"
        className="cr-action-check"
        checked={ticked ?? isDone}
        disabled={!open || busy}
        aria-label={action.title}
        data-testid="action-done"
        onChange={(e) => {
          setTicked(e.target.checked);
          void save({ done: e.target.checked });
        }}
      />
      <div className="cr-action-main">
        <p className="cr-action-title">
          <span className={isDone ? 'cr-done-text' : ''}>{action.title}</span>
        </p>
        <p className="cr-action-meta">
          <span className="badge">{roleLabel(t, action.role)}</span>
          <span className="mono" data-testid="action-due">
            {t('crisis.actions.due', { due: formatDue(action.dueAt, now, timeZone, language) })}
          </span>
          {open || isDone ? (
            <span className={`cr-timer cr-timer-${timer.state}`} data-testid="action-timer" data-state={timer.state}>
              {timer.state === 'done'
                ? t('crisis.timer.done', { who: action.doneBy ?? '' })
                : timer.state === 'overdue'
                  ? t('crisis.timer.overdue', { d: formatDuration(-timer.remainingMs, language) })
                  : t('crisis.timer.left', { d: formatDuration(timer.remainingMs, language) })}
            </span>
          ) : (
            <span className="muted" data-testid="action-timer" data-state="not_done">
              {t('crisis.timer.notDone')}
            </span>
          )}
        </p>
        <div className="cr-action-fields">
          <input
            value={assignee}
            maxLength={64}
            readOnly={!open}
            placeholder={t('crisis.actions.assignee')}
            aria-label={t('crisis.actions.assignee')}
            data-testid="action-assignee"
            onChange={(e) => setAssignee(e.target.value)}
            onBlur={() => {
              if (assignee.trim() !== (action.assignee ?? '')) void save({ assignee: assignee.trim() || null });
            }}
          />
          {noteOpen ? (
            <input
              className="cr-action-note"
              value={note}
              maxLength={2000}
              readOnly={!open}
              placeholder={t('crisis.actions.note')}
              aria-label={t('crisis.actions.note')}
              data-testid="action-note"
              onChange={(e) => setNote(e.target.value)}
              onBlur={() => {
                if (note !== action.note) void save({ note });
              }}
            />
          ) : open ? (
            <button
              type="button"
              className="button-quiet button-small"
              data-testid="action-note-open"
              onClick={() => setNoteOpen(true)}
            >
              {t('crisis.actions.addNote')}
            </button>
          ) : null}
        </div>
      </div>
    </li>
  );
}

import { useState, type FormEvent } from 'react';
import type { Incident, IncidentEvent } from '../../../../shared/crisis';
import { eventKindLabel } from '../../crisis/labels';
import { addNote } from '../../crisis/mutations';
import { useActor } from '../../crisis/useActor';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';

/** The incident's timeline, newest last, and a box to add a note or a statement that went out. */
export function Timeline({ incident }: { incident: Incident }) {
  const t = useT();
  return (
    <section className="cr-section" aria-labelledby="cr-timeline-title">
      <h3 id="cr-timeline-title">{t('crisis.timeline.title')}</h3>
      <EventList events={incident.events} testId="incident-timeline" />
      {incident.status === 'open' ? <NoteBox incident={incident} /> : null}
    </section>
  );
}

/** Events as a vertical list: time, kind, text. */
export function EventList({ events, testId }: { events: readonly IncidentEvent[]; testId: string }) {
  const t = useT();
  const f = useFormatters();
  return (
    <ol className="cr-timeline" data-testid={testId}>
      {events.map((e) => (
        <li key={e.id} className={`cr-event cr-event-${e.kind}`} data-testid="timeline-event" data-kind={e.kind}>
          <span className="mono cr-event-time">{f.dateTime(e.ts)}</span>
          <span className="cr-event-kind">{eventKindLabel(t, e.kind)}</span>
          <span className="cr-event-text">{e.text}</span>
        </li>
      ))}
    </ol>
  );
}

function NoteBox({ incident }: { incident: Incident }) {
  const t = useT();
  const actor = useActor();
  const [kind, setKind] = useState<'note' | 'statement' | 'action'>('note');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const done = await attempt(() => addNote({ incidentId: incident.id, kind, text: text.trim(), actor: actor() }));
    setBusy(false);
    if (done) setText('');
  }

  return (
    <form className="cr-note-box" data-testid="incident-note-form" onSubmit={(e) => void save(e)}>
      <textarea
        rows={2}
        value={text}
        maxLength={5000}
        placeholder={t('crisis.timeline.placeholder')}
        aria-label={t('crisis.timeline.placeholder')}
        data-testid="note-text"
        onChange={(e) => setText(e.target.value)}
      />
      <div className="cr-actions">
        <select
          value={kind}
          aria-label={t('crisis.timeline.kind')}
          data-testid="note-kind"
          onChange={(e) => setKind(e.target.value as typeof kind)}
        >
          <option value="note">{t('crisis.event.note')}</option>
          <option value="statement">{t('crisis.event.statement')}</option>
          <option value="action">{t('crisis.event.action')}</option>
        </select>
        <span className="cr-spacer" />
        <button
          type="submit"
          className="button-secondary button-small"
          disabled={busy || !text.trim()}
          data-testid="note-save"
        >
          {t('crisis.timeline.add')}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Draggable } from '@fullcalendar/interaction';
import type { ContentItem } from '../../../../shared/calendar';
import { createItem } from '../../calendar/mutations';
import { refOf } from '../../calendar/refs';
import { openItem } from '../../calendar/store';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';

/**
 * Ideas without a date, and a quick way to add one. Each idea can be dragged onto the grid (an
 * external FullCalendar event), which gives it that day.
 */
export function BacklogPanel({ backlog }: { backlog: readonly ContentItem[] }) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const [title, setTitle] = useState('');

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const draggable = new Draggable(element, {
      itemSelector: '.cal-backlog-item',
      eventData: (el) => ({
        title: el.getAttribute('data-title') ?? '',
        duration: '01:00',
        create: true,
        extendedProps: { backlogId: Number(el.getAttribute('data-id')) },
      }),
    });
    return () => draggable.destroy();
  }, []);

  async function add(event: FormEvent) {
    event.preventDefault();
    const text = title.trim();
    if (text === '') return;
    const created = await attempt(() => createItem({ fields: { title: text }, timing: null, status: 'idea' }));
    if (created) setTitle('');
  }

  return (
    <section className="cal-card cal-backlog" data-testid="calendar-backlog" aria-labelledby="cal-backlog-title">
      <h2 id="cal-backlog-title">
        {t('calendar.backlog.title')} <span className="muted">{backlog.length}</span>
      </h2>
      <form className="cal-inline-form" onSubmit={(e) => void add(e)}>
        <input
          className="input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('calendar.backlog.placeholder')}
          aria-label={t('calendar.backlog.placeholder')}
          maxLength={200}
          data-testid="backlog-new-title"
        />
        <button
          type="submit"
          className="button-secondary button-small"
          data-testid="backlog-add"
          disabled={title.trim() === ''}
        >
          {t('calendar.backlog.add')}
        </button>
      </form>
      <ul className="cal-backlog-list" ref={list}>
        {backlog.map((idea) => (
          <li
            key={idea.key}
            className="cal-backlog-item"
            data-testid="backlog-item"
            data-key={idea.key}
            data-id={idea.id ?? ''}
            data-title={idea.title}
          >
            <button type="button" className="cal-backlog-open" onClick={() => openItem(refOf(idea))}>
              {idea.title}
            </button>
            <span className="cal-drag-handle" aria-hidden="true">
              ⋮⋮
            </span>
          </li>
        ))}
      </ul>
      {backlog.length === 0 ? (
        <p className="muted cal-empty">{t('calendar.backlog.empty')}</p>
      ) : (
        <p className="field-hint">{t('calendar.backlog.hint')}</p>
      )}
    </section>
  );
}

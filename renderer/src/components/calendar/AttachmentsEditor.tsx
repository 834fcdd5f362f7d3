import { useState, type FormEvent } from 'react';
import type { ContentItem } from '../../../../shared/calendar';
import { updateItem } from '../../calendar/mutations';
import { refOf } from '../../calendar/refs';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { PathText } from '../PathText';

/** Local file paths attached to an item (the files stay where they are); add by path, remove. */
export function AttachmentsEditor({ item }: { item: ContentItem }) {
  const t = useT();
  const [path, setPath] = useState('');

  const save = (attachments: string[]) => attempt(() => updateItem({ ref: refOf(item), fields: { attachments } }));

  async function add(event: FormEvent) {
    event.preventDefault();
    const text = path.trim();
    if (text === '' || item.attachments.includes(text)) return;
    if (await save([...item.attachments, text])) setPath('');
  }

  return (
    <section className="cal-drawer-section" data-testid="attachments">
      <h3>{t('calendar.attachments.title')}</h3>
      {item.attachments.length === 0 ? <p className="muted">{t('calendar.attachments.none')}</p> : null}
      <ul className="cal-attachments">
        {item.attachments.map((a) => (
          <li key={a} data-testid="attachment" data-path={a}>
            <span className="mono">
              <PathText path={a} />
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => void save(item.attachments.filter((x) => x !== a))}
            >
              {t('calendar.attachments.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form className="cal-inline-form" onSubmit={(e) => void add(e)}>
        <input
          value={path}
          maxLength={4096}
          placeholder={t('calendar.attachments.placeholder')}
          aria-label={t('calendar.attachments.placeholder')}
          data-testid="attachment-path"
          onChange={(e) => setPath(e.target.value)}
        />
        <button
          type="submit"
          className="button-secondary button-small"
          disabled={path.trim() === ''}
          data-testid="attachment-add"
        >
          {t('calendar.attachments.add')}
        </button>
      </form>
    </section>
  );
}

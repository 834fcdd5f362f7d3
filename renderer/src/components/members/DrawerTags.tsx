import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { updateTag } from '../../members/mutations';
import { attempt } from '../../stores/errors';

/** The member's tags: remove one, or add a new one. */
export function DrawerTags({ id, tags }: { id: number; tags: string[] }) {
  const t = useT();
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);

  async function change(name: string, action: 'add' | 'remove') {
    setBusy(true);
    const done = await attempt(() => updateTag({ ids: [id] }, name, action));
    setBusy(false);
    if (done !== undefined && action === 'add') setTag('');
  }

  function add(event: FormEvent) {
    event.preventDefault();
    if (tag.trim()) void change(tag.trim(), 'add');
  }

  return (
    <section className="drawer-section" aria-labelledby="drawer-tags-title">
      <h3 id="drawer-tags-title">{t('membersPage.col.tags')}</h3>
      {tags.length === 0 ? <p className="muted">{t('membersPage.noTags')}</p> : null}
      <ul className="tag-list editable">
        {tags.map((name) => (
          <li key={name} className="tag-chip" data-testid="member-tag" data-tag={name}>
            {name}
            <button
              type="button"
              className="tag-remove"
              aria-label={t('membersPage.removeTag', { tag: name })}
              data-testid="member-tag-remove"
              disabled={busy}
              onClick={() => void change(name, 'remove')}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <input
          aria-label={t('membersPage.tagName')}
          data-testid="member-tag-input"
          placeholder={t('membersPage.tagPlaceholder')}
          maxLength={64}
          value={tag}
          onChange={(e) => setTag(e.target.value)}
        />
        <button
          type="submit"
          className="button-secondary button-small"
          data-testid="member-tag-add"
          disabled={busy || !tag.trim()}
        >
          {t('membersPage.addTag')}
        </button>
      </form>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { MemberTarget } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { updateTag } from '../../members/mutations';
import { attempt } from '../../stores/errors';

interface BulkTagFormProps {
  target: MemberTarget;
  size: number;
  onDone(message: string): void;
}

/** Adds one tag to every target member. */
export function BulkTagForm({ target, size, onDone }: BulkTagFormProps) {
  const t = useT();
  const f = useFormatters();
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = tag.trim();
    if (!name) return;
    setBusy(true);
    const members = await attempt(() => updateTag(target, name, 'add'));
    setBusy(false);
    if (members !== undefined) onDone(t('membersPage.tagAdded', { tag: name, n: f.number(members) }));
  }

  return (
    <form className="bulk-form" onSubmit={(e) => void submit(e)} data-testid="bulk-tag-form">
      <label className="field-label" htmlFor="bulk-tag-input">
        {t('membersPage.tagName')}
      </label>
      <input
        id="bulk-tag-input"
        data-testid="bulk-tag-input"
        value={tag}
        maxLength={64}
        placeholder={t('membersPage.tagPlaceholder')}
        onChange={(e) => setTag(e.target.value)}
      />
      <button type="submit" className="button-primary" data-testid="bulk-tag-submit" disabled={busy || !tag.trim()}>
        {t('membersPage.tagSubmit', { n: f.number(size) })}
      </button>
    </form>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n';
import { attempt } from '../stores/errors';
import { useRoute } from '../stores/route';
import { openWorkspace } from '../workspace/mutations';
import { Field } from './Field';

/** Opens a workspace by typing its path: the browser host has no native file dialog. */
export function OpenWorkspaceForm({ focus }: { focus: boolean }) {
  const t = useT();
  const id = useId();
  const navigate = useRoute((s) => s.navigate);
  const pathRef = useRef<HTMLInputElement>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (focus) pathRef.current?.focus();
  }, [focus]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const opened = await attempt(() => openWorkspace(path.trim()));
    setBusy(false);
    if (opened) navigate({ page: 'dashboard' });
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('open.title')}</h2>
      <Field id={`${id}-path`} label={t('open.path')} hint={t('open.hint')}>
        <input
          id={`${id}-path`}
          ref={pathRef}
          data-testid="open-path"
          className="mono"
          value={path}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('open.pathPlaceholder')}
          onChange={(e) => setPath(e.target.value)}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" data-testid="open-submit" disabled={!path.trim() || busy}>
          {t('open.submit')}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { describeError } from '../../i18n/errors';
import { asHearthError } from '../../stores/errors';
import type { HearthError } from '../../../../shared/errors';
import { setShareFolder } from '../../share/mutations';
import { useShareSettings } from '../../share/queries';
import { PathText } from '../PathText';

/**
 * The team-share folder (a NAS, a synced drive) for this computer: mount points differ between
 * machines, so it is not a workspace setting. A folder that does not exist is refused here, inline.
 */
export function ShareFolderSettings() {
  const t = useT();
  const id = useId();
  const saved = useShareSettings().data;
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HearthError | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (saved) setDraft(saved.folder ?? '');
  }, [saved]);

  async function save(folder: string | null) {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const result = await setShareFolder(folder);
      setDraft(result.folder ?? '');
      setDone(true);
    } catch (e) {
      setError(asHearthError(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(draft.trim() || null);
  }

  const text = error ? describeError(error, t) : null;
  return (
    <form className="card form" aria-labelledby={`${id}-title`} data-testid="share-settings" onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('share.settings.title')}</h2>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-folder`}>
          {t('share.settings.folder')}
        </label>
        <input
          id={`${id}-folder`}
          className="mono"
          data-testid="share-folder"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('share.settings.placeholder')}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setDone(false);
          }}
        />
        <p className="field-hint">{t('share.settings.hint')}</p>
        {text ? (
          <p className="field-error" role="alert" data-testid="share-folder-error" data-code={error?.code}>
            {text.message} {text.detail}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button-primary"
          data-testid="share-folder-save"
          disabled={busy || !draft.trim()}
        >
          {t('share.settings.save')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-testid="share-folder-clear"
          disabled={busy || !saved?.folder}
          onClick={() => void save(null)}
        >
          {t('share.settings.clear')}
        </button>
        {done ? (
          <span className="muted" role="status" data-testid="share-folder-saved" data-folder={saved?.folder ?? ''}>
            {saved?.folder ? (
              <>
                {t('share.settings.saved')} <PathText path={saved.folder} />
              </>
            ) : (
              t('share.settings.cleared')
            )}
          </span>
        ) : null}
      </div>
    </form>
  );
}

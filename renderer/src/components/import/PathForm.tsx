import { useId, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { previewPath } from '../../import/actions';
import { useImport } from '../../import/store';

/** A file (or a Stack Exchange dump folder) already on this computer, by its full path. */
export function PathForm({ workspacePath, locked }: { workspacePath: string; locked: boolean }) {
  const t = useT();
  const id = useId();
  const path = useImport((s) => s.pathInput);
  const setPath = (pathInput: string) => useImport.setState({ pathInput });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (path.trim() && !locked) void previewPath(workspacePath, path.trim());
  }

  return (
    <form className="path-form" onSubmit={submit}>
      <label className="field-label" htmlFor={id}>
        {t('source.path')}
      </label>
      <div className="input-with-button">
        <input
          id={id}
          data-testid="import-path"
          className="mono"
          value={path}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('source.pathPlaceholder')}
          onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" className="button-secondary" data-testid="import-path-submit" disabled={!path.trim() || locked}>
          {t('source.pathSubmit')}
        </button>
      </div>
      <p className="field-hint">{t('source.pathHint')}</p>
    </form>
  );
}

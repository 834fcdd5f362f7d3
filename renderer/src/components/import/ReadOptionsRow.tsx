import { useId } from 'react';
import { useT } from '../../i18n';
import { applyDraft, editDraft } from '../../import/actions';
import { encodings } from '../../import/fields';
import { draftIsDirty, useImport } from '../../import/store';

// GB18030 is a superset of GBK, the encoding Chinese Excel and WPS save CSV files in.
const encodingLabel = (encoding: string) => (encoding === 'gb18030' ? 'GB18030 (GBK)' : encoding.toUpperCase());

/** Date format, text encoding and the button that previews the file again with the edits. */
export function ReadOptionsRow() {
  const t = useT();
  const id = useId();
  const draft = useImport((s) => s.draft);
  const dirty = useImport(draftIsDirty);
  const busy = useImport((s) => s.busy !== null || s.running !== null);
  const isXlsx = useImport((s) => s.preview?.format === 'xlsx');

  return (
    <div className="read-options">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-date`}>
          {t('mapping.dateFormat')}
        </label>
        <input
          id={`${id}-date`}
          data-testid="import-date-format"
          className="mono"
          value={draft.dateFormat}
          maxLength={64}
          spellCheck={false}
          placeholder={t('mapping.dateFormatPlaceholder')}
          disabled={busy}
          onChange={(e) => editDraft({ dateFormat: e.target.value })}
        />
      </div>
      {isXlsx ? null : (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-encoding`}>
            {t('mapping.encoding')}
          </label>
          <select
            id={`${id}-encoding`}
            data-testid="import-encoding"
            value={draft.encoding}
            disabled={busy}
            onChange={(e) => editDraft({ encoding: encodings.find((x) => x === e.target.value) ?? 'auto' })}
          >
            {encodings.map((encoding) => (
              <option key={encoding} value={encoding}>
                {encoding === 'auto' ? t('mapping.encodingAuto') : encodingLabel(encoding)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="read-options-action">
        <button type="button" className="button-secondary" data-testid="import-repreview" disabled={busy} onClick={() => void applyDraft()}>
          {t('mapping.repreview')}
        </button>
        {dirty ? (
          <span className="field-hint pending" data-testid="import-draft-pending">
            {t('mapping.pending')}
          </span>
        ) : null}
      </div>
    </div>
  );
}

import { useId } from 'react';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { changeFormat } from '../../import/actions';
import { useImport } from '../../import/store';
import { FormatSelect } from './FormatSelect';
import { DetectionChips } from './DetectionChips';

const baseName = (path: string) => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/**
 * The file being looked at: name, size, the format it will be read as (with a select to
 * override) and how sure the detection is. Without a preview (detection or reading failed) it
 * offers the format select alone, so the user can say what the file is.
 */
export function PreviewSummary() {
  const t = useT();
  const f = useFormatters();
  const id = useId();
  const preview = useImport((s) => s.preview);
  const pickedName = useImport((s) => s.pickedName);
  const path = useImport((s) => s.path);
  const chosen = useImport((s) => s.format);
  const busy = useImport((s) => s.busy !== null || s.running !== null);
  const name = pickedName ?? preview?.fileName ?? baseName(path ?? '');

  return (
    <section className="card preview-summary" aria-labelledby={`${id}-name`}>
      <div className="preview-summary-head">
        <div className="preview-file">
          <h2 id={`${id}-name`} className="preview-file-name" data-testid="import-file-name" title={path ?? undefined}>
            {name}
          </h2>
          {preview ? (
            <p className="muted" data-testid="import-file-size" data-value={preview.size}>
              {f.bytes(preview.size)}
            </p>
          ) : (
            <p className="muted">{t('preview.chooseFormat')}</p>
          )}
        </div>
        <div className="field preview-format">
          <label className="field-label" htmlFor={`${id}-format`}>
            {t('preview.format')}
          </label>
          <FormatSelect
            id={`${id}-format`}
            value={preview?.format ?? chosen}
            disabled={busy}
            onChange={(format) => void changeFormat(format)}
          />
        </div>
      </div>
      {preview ? <DetectionChips candidates={preview.candidates} format={preview.format} overridden={chosen !== null} /> : null}
    </section>
  );
}

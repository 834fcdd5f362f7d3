import { useState, type DragEvent } from 'react';
import { useT } from '../../i18n';
import { previewPickedFile } from '../../import/actions';

interface DropZoneProps {
  workspacePath: string;
  /** True while a file is uploading or an import runs. */
  locked: boolean;
  /** Smaller once a file is being looked at: the preview matters more then. */
  compact: boolean;
}

/** Drop an export here, or choose one: it is uploaded (browser) or read in place (desktop), then previewed. */
export function DropZone({ workspacePath, locked, compact }: DropZoneProps) {
  const t = useT();
  const [over, setOver] = useState(false);

  function take(files: FileList | null) {
    const file = files?.[0];
    if (file && !locked) void previewPickedFile(workspacePath, file);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  }

  return (
    <div
      className={['drop-zone', compact ? 'compact' : '', over ? 'over' : ''].filter(Boolean).join(' ')}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone-title">{t('source.drop')}</p>
      <label className={locked ? 'button-secondary disabled' : 'button-secondary'}>
        {t('source.choose')}
        <input
          type="file"
          className="visually-hidden"
          data-testid="import-file"
          disabled={locked}
          onChange={(e) => {
            take(e.target.files);
            // Choosing the same file again should preview it again.
            e.target.value = '';
          }}
        />
      </label>
      {compact ? null : <p className="field-hint">{t('source.formats')}</p>}
    </div>
  );
}

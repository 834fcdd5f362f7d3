import { importFormats, type ImportFormat } from '../../../../shared/import';
import { useT } from '../../i18n';
import { formatKeys } from '../../import/fields';

interface FormatSelectProps {
  id: string;
  value: ImportFormat | null;
  disabled: boolean;
  onChange(format: ImportFormat): void;
}

/** Every format Hearth reads; choosing one re-reads the file as that format. */
export function FormatSelect({ id, value, disabled, onChange }: FormatSelectProps) {
  const t = useT();
  return (
    <select
      id={id}
      data-testid="import-format"
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => {
        const format = importFormats.find((f) => f === e.target.value);
        if (format) onChange(format);
      }}
    >
      {value === null ? (
        <option value="" disabled>
          {t('preview.formatPlaceholder')}
        </option>
      ) : null}
      {importFormats.map((format) => (
        <option key={format} value={format}>
          {t(formatKeys[format])}
        </option>
      ))}
    </select>
  );
}

import { useT } from '../../i18n';
import { tableFieldKeys, type TableField } from '../../import/fields';

interface MappingSelectProps {
  id: string;
  field: TableField;
  columns: string[];
  /** The column (header text, column number or a product such as Price*Qty), or null for none. */
  value: string | null;
  disabled: boolean;
  onChange(column: string | null): void;
}

const NONE = '';

/** One Hearth field and the file column that fills it. */
export function MappingSelect({ id, field, columns, value, disabled, onChange }: MappingSelectProps) {
  const t = useT();
  // A mapping the services chose may name something that is not a plain column (e.g. Price*Qty).
  const options = value !== null && !columns.includes(value) ? [...columns, value] : columns;
  return (
    <div className={value === null ? 'mapping-field' : 'mapping-field mapped'}>
      <label htmlFor={id} className="mapping-label">
        {t(tableFieldKeys[field])}
        <span className="mapping-key mono">{field}</span>
      </label>
      <select
        id={id}
        data-testid={`import-map-${field}`}
        data-field={field}
        value={value ?? NONE}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === NONE ? null : e.target.value)}
      >
        <option value={NONE}>{t('mapping.none')}</option>
        {options.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </div>
  );
}

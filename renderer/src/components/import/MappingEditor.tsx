import { useId } from 'react';
import { useT } from '../../i18n';
import { editDraft } from '../../import/actions';
import { tableFields, type TableField } from '../../import/fields';
import { useImport } from '../../import/store';
import { MappingSelect } from './MappingSelect';
import { ReadOptionsRow } from './ReadOptionsRow';

/**
 * For tables: which column fills which Hearth field, plus the date format and text encoding.
 * Edits stay a draft until "Update preview" shows what they do.
 */
export function MappingEditor({ columns }: { columns: string[] }) {
  const t = useT();
  const id = useId();
  const map = useImport((s) => s.draft.map);
  const locked = useImport((s) => s.running !== null);

  function choose(field: TableField, column: string | null) {
    const next = { ...map };
    if (column === null) delete next[field];
    else next[field] = column;
    editDraft({ map: next });
  }

  return (
    <section className="card mapping" aria-labelledby={`${id}-title`} data-testid="import-mapping">
      <h2 id={`${id}-title`}>{t('mapping.title')}</h2>
      <p className="field-hint mapping-intro">{t('mapping.intro')}</p>
      <div className="mapping-grid">
        {tableFields.map((field) => (
          <MappingSelect
            key={field}
            id={`${id}-${field}`}
            field={field}
            columns={columns}
            value={map[field] ?? null}
            disabled={locked}
            onChange={(column) => choose(field, column)}
          />
        ))}
      </div>
      <ReadOptionsRow />
    </section>
  );
}

import { useRef, useState } from 'react';
import { memberColumns } from '../../../../shared/member-grid';
import { useT } from '../../i18n';
import { columnKeys } from '../../members/columns';
import type { ColumnPrefsControl } from '../../members/useColumnPrefs';
import { useDismiss } from '../useDismiss';

/** Show or hide grid columns; remembered for this workspace on this computer. */
export function ColumnMenu({ columns }: { columns: ColumnPrefsControl }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useDismiss(open, box, () => setOpen(false));

  return (
    <div className="column-menu" ref={box}>
      <button
        type="button"
        className="button-secondary button-small"
        aria-expanded={open}
        data-testid="member-columns-button"
        onClick={() => setOpen((o) => !o)}
      >
        {t('membersPage.columns')}
      </button>
      {open ? (
        <div
          className="menu column-menu-list"
          role="group"
          aria-labelledby="member-columns-heading"
          data-testid="member-columns-menu"
        >
          <p className="menu-heading" id="member-columns-heading">
            {t('membersPage.columnsHint')}
          </p>
          {memberColumns.map((column) => (
            <label key={column} className="column-choice">
              <input
                type="checkbox"
                data-testid="member-column-toggle"
                data-column={column}
                checked={!columns.prefs.hidden.includes(column)}
                disabled={column === 'name'}
                onChange={(e) => columns.setHidden(column, !e.target.checked)}
              />
              {t(columnKeys[column])}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}

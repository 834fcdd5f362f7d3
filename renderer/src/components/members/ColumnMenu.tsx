import { useEffect, useRef, useState } from 'react';
import { memberColumns } from '../../../../shared/member-grid';
import { useT } from '../../i18n';
import { columnKeys } from '../../members/columns';
import type { ColumnPrefsControl } from '../../members/useColumnPrefs';

/** Show or hide grid columns; remembered for this workspace on this computer. */
export function ColumnMenu({ columns }: { columns: ColumnPrefsControl }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (box.current && event.target instanceof Node && !box.current.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

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

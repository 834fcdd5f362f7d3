import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../useDismiss';
import { useT } from '../../i18n';

export interface FilterMenuOption {
  value: string;
  label: string;
}

interface FilterMenuProps {
  /** Names the menu for tests: `calendar-filter-<name>`. */
  name: string;
  label: string;
  options: readonly FilterMenuOption[];
  chosen: readonly string[];
  onToggle(value: string): void;
}

/** A compact dropdown of checkboxes; none ticked means no filter. */
export function FilterMenu({ name, label, options, chosen, onToggle }: FilterMenuProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  return (
    <div className="cal-filter" ref={root}>
      <button
        type="button"
        className={chosen.length > 0 ? 'button-secondary button-small cal-filter-on' : 'button-secondary button-small'}
        aria-expanded={open}
        data-testid={`calendar-filter-${name}`}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        {chosen.length > 0 ? <span className="cal-filter-count">{chosen.length}</span> : null}
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="menu cal-filter-menu" role="group" aria-label={label}>
          {options.length === 0 ? <p className="menu-empty">{t('calendar.filter.noValues')}</p> : null}
          {options.map((option) => (
            <label key={option.value} className="cal-filter-option">
              <input
                type="checkbox"
                checked={chosen.includes(option.value)}
                data-testid={`calendar-filter-option-${name}`}
                data-value={option.value}
                onChange={() => onToggle(option.value)}
              />
              {option.label}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
}

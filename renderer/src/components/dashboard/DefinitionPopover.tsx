import { useId, useState } from 'react';
import { useT } from '../../i18n';

/**
 * The ⓘ beside a metric's name: its definition shows on hover or keyboard focus, and stays open
 * after a click until the next click, Escape or leaving the button.
 */
export function DefinitionPopover({ name, definition }: { name: string; definition: string }) {
  const t = useT();
  const id = useId();
  const [pinned, setPinned] = useState(false);
  return (
    <span className="definition" data-open={pinned}>
      <button
        type="button"
        className="definition-button"
        aria-label={t('dashboard.definition', { name })}
        aria-describedby={id}
        aria-expanded={pinned}
        data-testid="metric-definition-button"
        onClick={() => setPinned((p) => !p)}
        onBlur={() => setPinned(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setPinned(false);
        }}
      >
        ⓘ
      </button>
      <span className="definition-popover" role="tooltip" id={id} data-testid="metric-definition">
        {definition}
      </span>
    </span>
  );
}

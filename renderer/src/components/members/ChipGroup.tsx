import { useFormatters } from '../../data/formatters';

export interface ChipOption {
  value: string;
  label: string;
  count: number;
}

interface ChipGroupProps {
  /** Names the group for tests: `member-chip-<name>`. */
  name: string;
  label: string;
  options: readonly ChipOption[];
  chosen: readonly string[];
  onToggle(value: string): void;
}

/** A row of toggle chips; none chosen means no filter. */
export function ChipGroup({ name, label, options, chosen, onToggle }: ChipGroupProps) {
  const f = useFormatters();
  if (options.length === 0) return null;
  return (
    <div className="chip-group" role="group" aria-label={label}>
      <span className="chip-group-label">{label}</span>
      <div className="chip-list">
        {options.map((option) => {
          const on = chosen.includes(option.value);
          return (
            <button
              key={option.value}
              type="button"
              className={on ? 'chip chip-button chip-selected' : 'chip chip-button'}
              aria-pressed={on}
              data-testid={`member-chip-${name}`}
              data-value={option.value}
              onClick={() => onToggle(option.value)}
            >
              {option.label}
              <span className="chip-value">{f.number(option.count)}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}

import { useState } from 'react';
import type { MemberColumn, MemberFilter, MemberSort } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { bulkTarget } from '../../members/gridModels';
import { useMembers } from '../../members/store';
import { BulkPointsForm } from './BulkPointsForm';
import { BulkTagForm } from './BulkTagForm';
import { ExportAction } from './ExportAction';

interface BulkActionsProps {
  filter: MemberFilter;
  sort: MemberSort;
  columns: MemberColumn[];
  /** How many members the filter matches; undefined while counting. */
  count: number | undefined;
}

type Panel = 'tag' | 'points' | null;

/**
 * Actions on the ticked rows, or on everything the grid shows when none are ticked: add a tag,
 * grant points, export CSV.
 */
export function BulkActions({ filter, sort, columns, count }: BulkActionsProps) {
  const t = useT();
  const f = useFormatters();
  const selected = useMembers((s) => s.selected);
  const [panel, setPanel] = useState<Panel>(null);
  const [status, setStatus] = useState<string | null>(null);
  const target = bulkTarget(selected, filter);
  const size = selected.length > 0 ? selected.length : count;
  const none = size === 0 || size === undefined;

  const toggle = (next: Panel) => {
    setStatus(null);
    setPanel((p) => (p === next ? null : next));
  };
  const done = (message: string) => {
    setPanel(null);
    setStatus(message);
  };

  return (
    <div className="bulk" data-testid="bulk-actions">
      <div className="bulk-bar">
        <span className="bulk-target" data-testid="bulk-target" data-value={size ?? ''} data-selected={selected.length}>
          {selected.length > 0
            ? t('membersPage.bulkSelected', { n: f.number(selected.length) })
            : t('membersPage.bulkFiltered', { n: size === undefined ? '…' : f.number(size) })}
        </span>
        <button
          type="button"
          className="button-secondary button-small"
          aria-expanded={panel === 'tag'}
          data-testid="bulk-tag"
          disabled={none}
          onClick={() => toggle('tag')}
        >
          {t('membersPage.bulkTag')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          aria-expanded={panel === 'points'}
          data-testid="bulk-points"
          disabled={none}
          onClick={() => toggle('points')}
        >
          {t('membersPage.bulkPoints')}
        </button>
        <ExportAction
          filter={selected.length > 0 ? { ids: selected } : filter}
          sort={sort}
          columns={columns}
          disabled={none}
        />
      </div>
      {panel === 'tag' && size !== undefined ? <BulkTagForm target={target} size={size} onDone={done} /> : null}
      {panel === 'points' && size !== undefined ? <BulkPointsForm target={target} size={size} onDone={done} /> : null}
      {status ? (
        <p className="bulk-status form-status" role="status" data-testid="bulk-status">
          {status}
        </p>
      ) : null}
    </div>
  );
}

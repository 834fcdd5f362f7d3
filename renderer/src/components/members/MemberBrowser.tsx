import type { MemberOverview } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { visibleColumns } from '../../members/columnPrefs';
import { useMemberCount } from '../../members/queries';
import { useColumnPrefs } from '../../members/useColumnPrefs';
import { useGridQuery } from '../../members/useGridQuery';
import { BulkActions } from './BulkActions';
import { ColumnMenu } from './ColumnMenu';
import { FilterBar } from './FilterBar';
import { MemberGrid } from './MemberGrid';

/** The filters, the total they match, bulk actions, and the grid itself. */
export function MemberBrowser({ workspacePath, overview }: { workspacePath: string; overview: MemberOverview }) {
  const t = useT();
  const f = useFormatters();
  const columns = useColumnPrefs(workspacePath);
  const query = useGridQuery();
  const count = useMemberCount(workspacePath, query.filter).data?.count;

  return (
    <section className="member-browser" aria-label={t('membersPage.gridLabel')}>
      <FilterBar overview={overview} />
      <div className="grid-toolbar">
        <p className="member-count" data-testid="member-count" data-value={count ?? ''}>
          {count === undefined
            ? t('membersPage.counting')
            : t('membersPage.count', { n: f.number(count), total: f.number(overview.members) })}
        </p>
        <BulkActions filter={query.filter} sort={query.sort} columns={visibleColumns(columns.prefs)} count={count} />
        <ColumnMenu columns={columns} />
      </div>
      <MemberGrid filter={query.choices} ladder={overview.tiers} columns={columns} />
    </section>
  );
}

import { useCallback, useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellClickedEvent,
  CellKeyDownEvent,
  ColDef,
  ColumnResizedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowSelectionOptions,
} from 'ag-grid-community';
import { memberColumns, type MemberColumn, type MemberFilter, type MemberRow } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useRevision } from '../../data/revision';
import { useT } from '../../i18n';
import { CHOOSE_COLUMN, chooseColumnDef, memberColumnDefs } from '../../members/columns';
import { memberDatasource } from '../../members/datasource';
import { gridLocaleText } from '../../members/gridLocale';
import { sortFromColumnState } from '../../members/gridModels';
import { memberGridTheme } from '../../members/gridSetup';
import type { TierLadder } from '../../members/labels';
import { countMembers, fetchMemberRows } from '../../members/queries';
import { openMember, useMembers } from '../../members/store';
import type { ColumnPrefsControl } from '../../members/useColumnPrefs';
import { useErrors } from '../../stores/errors';
import { useLanguage } from '../../stores/language';

// Measured on a 20,000-member scroll (500 px a frame): each block arriving redraws the rows that
// waited for it, so fewer, larger blocks mean fewer such bursts; 20 × 500 rows stay cached.
const BLOCK = 500;
const CACHED_BLOCKS = 20;
// Rows drawn beyond the visible ones (AG Grid's default is 10): every row is a React tree of cells,
// so a smaller buffer takes the scroll's per-frame work under 50 ms.
const ROW_BUFFER = 1;

// Rows are chosen with the boxes of our own column (columns.ts); AG Grid's selection column cost a
// fifth of the scroll's time.
const rowSelection: RowSelectionOptions = {
  mode: 'multiRow',
  checkboxes: false,
  // "Select all" can only tick the rows loaded so far; bulk actions on the filter cover everything.
  headerCheckbox: false,
  enableClickSelection: false,
};

// Options that never change keep their identity, so a re-render never makes AgGridReact apply them again.
const defaultColDef: ColDef<MemberRow> = { resizable: true, minWidth: 60 };
const getRowId = (params: GetRowIdParams<MemberRow>): string => String(params.data.id);

const isColumn = (id: string): id is MemberColumn => (memberColumns as readonly string[]).includes(id);

interface MemberGridProps {
  /** The controls' filter; the grid adds its own column filters. */
  filter: MemberFilter;
  ladder: TierLadder;
  columns: ColumnPrefsControl;
}

/**
 * The member grid: rows load block by block as the user scrolls, sorted and filtered in SQLite.
 * A click on a row opens the member; the checkboxes choose rows for bulk actions.
 */
export function MemberGrid({ filter, ladder, columns }: MemberGridProps) {
  const t = useT();
  const f = useFormatters();
  const language = useLanguage((s) => s.language);
  const revision = useRevision((s) => s.revision);
  const selected = useMembers((s) => s.selected);
  const apiRef = useRef<GridApi<MemberRow> | null>(null);
  const { prefs, setWidth } = columns;

  const columnDefs = useMemo(
    () => [chooseColumnDef(t), ...memberColumnDefs({ t, f, language, ladder, prefs })],
    [t, f, language, ladder, prefs],
  );

  // A new datasource (the controls' filter changed) starts the grid again from the top.
  const datasource = useMemo(
    () =>
      memberDatasource({
        filter,
        fetchRows: fetchMemberRows,
        fetchCount: countMembers,
        onError: (error) => useErrors.getState().report(error),
      }),
    [filter],
  );
  const localeText = useMemo(() => gridLocaleText(t), [t]);

  // Data changed (here or elsewhere): reload the loaded blocks, keeping the scroll position.
  const shownRevision = useRef(revision);
  useEffect(() => {
    if (shownRevision.current === revision) return;
    shownRevision.current = revision;
    apiRef.current?.refreshInfiniteCache();
  }, [revision]);

  // Rows un-chosen from outside (filter changed, bulk action done) are un-ticked in the grid too.
  useEffect(() => {
    const api = apiRef.current;
    if (api && selected.length === 0 && api.getSelectedRows().length > 0) api.deselectAll();
  }, [selected]);

  // A grid made again (another language, back from another page) starts with the user's sort and
  // filters. Applied here rather than through initialState, which would reset the pinned columns.
  const onGridReady = useCallback((event: GridReadyEvent<MemberRow>) => {
    apiRef.current = event.api;
    const { sortModel, filterModel } = useMembers.getState();
    if (sortModel.length > 0) {
      event.api.applyColumnState({
        state: sortModel.map(({ colId, sort }, sortIndex) => ({ colId, sort, sortIndex })),
      });
    }
    if (Object.keys(filterModel).length > 0) event.api.setFilterModel(filterModel);
  }, []);

  const onSortChanged = useCallback(() => {
    const api = apiRef.current;
    if (api) useMembers.setState({ sortModel: sortFromColumnState(api.getColumnState()) });
  }, []);

  const onFilterChanged = useCallback(() => {
    const api = apiRef.current;
    if (api) useMembers.setState({ filterModel: { ...api.getFilterModel() }, selected: [] });
  }, []);

  const onSelectionChanged = useCallback(() => {
    const api = apiRef.current;
    if (api) useMembers.setState({ selected: api.getSelectedRows().map((row) => row.id) });
  }, []);

  const onColumnResized = useCallback(
    (event: ColumnResizedEvent<MemberRow>) => {
      const id = event.column?.getColId();
      if (event.finished && event.source === 'uiColumnResized' && id && isColumn(id))
        setWidth(id, event.column?.getActualWidth() ?? 0);
    },
    [setWidth],
  );

  const onCellClicked = useCallback((event: CellClickedEvent<MemberRow>) => {
    if (event.data && event.column.getColId() !== CHOOSE_COLUMN) openMember(event.data.id);
  }, []);

  const onCellKeyDown = useCallback((event: CellKeyDownEvent<MemberRow>) => {
    const key = event.event instanceof KeyboardEvent ? event.event.key : null;
    if (key === 'Enter' && event.data) openMember(event.data.id);
  }, []);

  return (
    <div className="member-grid" data-testid="member-grid" aria-label={t('membersPage.gridLabel')}>
      <AgGridReact<MemberRow>
        // localeText is read once per grid: another language makes the grid again.
        key={language}
        theme={memberGridTheme}
        localeText={localeText}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={BLOCK}
        maxBlocksInCache={CACHED_BLOCKS}
        rowBuffer={ROW_BUFFER}
        infiniteInitialRowCount={BLOCK}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        rowSelection={rowSelection}
        tooltipShowDelay={400}
        onGridReady={onGridReady}
        onSortChanged={onSortChanged}
        onFilterChanged={onFilterChanged}
        onSelectionChanged={onSelectionChanged}
        onColumnResized={onColumnResized}
        onCellClicked={onCellClicked}
        onCellKeyDown={onCellKeyDown}
      />
    </div>
  );
}

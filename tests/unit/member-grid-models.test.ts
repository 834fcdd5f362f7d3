import { describe, expect, it } from 'vitest';
import { memberFilterSchema, memberSortSchema } from '../../shared/member-grid';
import {
  bulkTarget,
  choicesFilter,
  combineFilters,
  noChoices,
  sortFromColumnState,
  toMemberFilter,
  toMemberSort,
  UnsupportedFilterError,
} from '../../renderer/src/members/gridModels';
import { gridRequest, lastRowOf, memberDatasource } from '../../renderer/src/members/datasource';
import type { MemberGridRequest, MemberRow } from '../../shared/member-grid';

describe('AG Grid sort model → MemberSort', () => {
  it('keeps sortable columns in order, drops tags and anything past three', () => {
    const sort = toMemberSort([
      { colId: 'points', sort: 'desc' },
      { colId: 'tags', sort: 'asc' },
      { colId: 'name', sort: 'asc' },
      { colId: 'tier', sort: 'desc' },
      { colId: 'clv', sort: 'asc' },
    ]);
    expect(sort).toEqual([
      { colId: 'points', sort: 'desc' },
      { colId: 'name', sort: 'asc' },
      { colId: 'tier', sort: 'desc' },
    ]);
    expect(memberSortSchema.safeParse(sort).success).toBe(true);
  });

  it('drops columns the grid does not have and extra fields AG Grid adds', () => {
    expect(toMemberSort([{ colId: 'ag-Grid-SelectionColumn', sort: 'asc' }])).toEqual([]);
    const withType = [{ colId: 'lastSeen', sort: 'asc' as const, type: 'default' }];
    expect(toMemberSort(withType)).toEqual([{ colId: 'lastSeen', sort: 'asc' }]);
  });

  it('reads the sort from column state in click order', () => {
    expect(
      sortFromColumnState([
        { colId: 'name', sort: null, sortIndex: null },
        { colId: 'clv', sort: 'asc', sortIndex: 1 },
        { colId: 'points', sort: 'desc', sortIndex: 0 },
        { colId: 'tier' },
      ]),
    ).toEqual([
      { colId: 'points', sort: 'desc' },
      { colId: 'clv', sort: 'asc' },
    ]);
  });
});

describe('AG Grid filter model → MemberFilter', () => {
  it('maps the name text filter to filter.name', () => {
    expect(toMemberFilter({ name: { filterType: 'text', type: 'contains', filter: ' 王小 ' } })).toEqual({
      name: '王小',
    });
    expect(toMemberFilter({ name: { filterType: 'text', type: 'contains', filter: '' } })).toEqual({});
  });

  it('maps every number option to the contract operator', () => {
    const cases = [
      ['equals', 'eq'],
      ['notEqual', 'ne'],
      ['greaterThan', 'gt'],
      ['greaterThanOrEqual', 'ge'],
      ['lessThan', 'lt'],
      ['lessThanOrEqual', 'le'],
    ] as const;
    for (const [type, op] of cases) {
      expect(toMemberFilter({ points: { filterType: 'number', type, filter: 120 } })).toEqual({
        numbers: [{ column: 'points', op, value: 120 }],
      });
    }
  });

  it('maps inRange to between, low to high even when typed the other way round', () => {
    expect(toMemberFilter({ clv: { filterType: 'number', type: 'inRange', filter: 500, filterTo: 100 } })).toEqual({
      numbers: [{ column: 'clv', op: 'between', value: 100, to: 500 }],
    });
  });

  it('reads churn risk as a percentage: 70 on screen is 0.7 in the data', () => {
    const filter = toMemberFilter({ churnRisk: { filterType: 'number', type: 'greaterThanOrEqual', filter: 70 } });
    expect(filter.numbers?.[0]?.value).toBeCloseTo(0.7);
    const range = toMemberFilter({ churnRisk: { filterType: 'number', type: 'inRange', filter: 20, filterTo: 45 } });
    expect(range.numbers?.[0]?.value).toBeCloseTo(0.2);
    expect(range.numbers?.[0]?.to).toBeCloseTo(0.45);
  });

  it('ignores conditions still being typed', () => {
    expect(toMemberFilter({ points: { filterType: 'number', type: 'greaterThan', filter: null } })).toEqual({});
    expect(toMemberFilter({ points: { filterType: 'number', type: 'inRange', filter: 3 } })).toEqual({});
    expect(toMemberFilter({ points: { filterType: 'number', type: 'empty' } })).toEqual({});
    expect(toMemberFilter(null)).toEqual({});
  });

  it('combines several columns, and the parts of an AND', () => {
    const filter = toMemberFilter({
      name: { filterType: 'text', type: 'contains', filter: 'Lee' },
      points: {
        filterType: 'number',
        operator: 'AND',
        conditions: [
          { filterType: 'number', type: 'greaterThan', filter: 10 },
          { filterType: 'number', type: 'lessThan', filter: 90 },
        ],
      },
      influence: { filterType: 'number', type: 'notEqual', filter: 0 },
    });
    expect(filter).toEqual({
      name: 'Lee',
      numbers: [
        { column: 'points', op: 'gt', value: 10 },
        { column: 'points', op: 'lt', value: 90 },
        { column: 'influence', op: 'ne', value: 0 },
      ],
    });
    expect(memberFilterSchema.safeParse(filter).success).toBe(true);
  });

  it('refuses what the contract cannot express, rather than filtering wrongly', () => {
    const or = {
      filterType: 'number',
      operator: 'OR',
      conditions: [
        { type: 'equals', filter: 1 },
        { type: 'equals', filter: 2 },
      ],
    };
    expect(() => toMemberFilter({ points: or })).toThrow(UnsupportedFilterError);
    expect(() => toMemberFilter({ points: { filterType: 'number', type: 'blank' } })).toThrow(UnsupportedFilterError);
    expect(() => toMemberFilter({ name: { filterType: 'text', type: 'startsWith', filter: 'a' } })).toThrow(
      UnsupportedFilterError,
    );
    expect(() => toMemberFilter({ tier: { filterType: 'text', type: 'contains', filter: 'a' } })).toThrow(
      UnsupportedFilterError,
    );
  });
});

describe('controls above the grid → MemberFilter', () => {
  it('leaves out empty choices and toggles that are off', () => {
    expect(choicesFilter(noChoices)).toEqual({});
    expect(
      choicesFilter({
        ...noChoices,
        quick: '  小明 ',
        tiers: ['core'],
        circles: ['active', 'core'],
        lifecycles: ['at_risk'],
        rfmSegments: ['champions'],
        tag: 'VIP',
        kocOnly: true,
        atRiskOnly: true,
      }),
    ).toEqual({
      quick: '小明',
      tiers: ['core'],
      circles: ['active', 'core'],
      lifecycles: ['at_risk'],
      rfmSegments: ['champions'],
      tag: 'VIP',
      koc: true,
      atRisk: true,
    });
  });

  it('adds the grid’s filters to the controls’, keeping both sets of number conditions', () => {
    const combined = combineFilters(
      { tiers: ['core'], numbers: [{ column: 'clv', op: 'gt', value: 1 }] },
      { name: 'a', numbers: [{ column: 'points', op: 'ge', value: 5 }] },
    );
    expect(combined).toEqual({
      tiers: ['core'],
      name: 'a',
      numbers: [
        { column: 'clv', op: 'gt', value: 1 },
        { column: 'points', op: 'ge', value: 5 },
      ],
    });
  });

  it('targets chosen rows when there are any, else the filter', () => {
    expect(bulkTarget([4, 9], { koc: true })).toEqual({ ids: [4, 9] });
    expect(bulkTarget([], { koc: true })).toEqual({ filter: { koc: true } });
  });
});

describe('the infinite-row-model datasource', () => {
  it('asks for one block with the translated sort and both filters', () => {
    expect(
      gridRequest(
        { tiers: ['core'] },
        {
          startRow: 200,
          endRow: 300,
          sortModel: [{ colId: 'points', sort: 'desc' }],
          filterModel: { name: { filterType: 'text', type: 'contains', filter: '陈' } },
        },
      ),
    ).toEqual({
      filter: { tiers: ['core'], name: '陈' },
      sort: [{ colId: 'points', sort: 'desc' }],
      start: 200,
      limit: 100,
    });
  });

  it('tells the grid the row count once a block comes back short', () => {
    expect(lastRowOf(0, 100, 100)).toBeUndefined();
    expect(lastRowOf(200, 100, 37)).toBe(237);
    expect(lastRowOf(300, 100, 0)).toBe(300);
  });

  it('passes rows and the last row to AG Grid, and reports failures', async () => {
    const row = (id: number): MemberRow => ({
      id,
      name: `m${id}`,
      identities: 1,
      tier: 'newcomer',
      circle: 'outside',
      rfmSegment: null,
      lifecycle: 'new',
      points: 0,
      pointsWindow: 0,
      lastSeen: null,
      activeDays30: 0,
      churnRisk: null,
      clv: null,
      expected: null,
      influence: 0,
      koc: false,
      tags: [],
    });
    const asked: MemberGridRequest[] = [];
    const errors: unknown[] = [];
    const source = memberDatasource({
      filter: { koc: true },
      fetchRows: async (request) => {
        asked.push(request);
        if (request.start > 0) throw new Error('gone');
        return [row(1), row(2)];
      },
      onError: (error) => errors.push(error),
    });
    const got = await new Promise<{ rows: unknown[]; last: number | undefined }>((resolve, reject) =>
      source.getRows({
        startRow: 0,
        endRow: 100,
        sortModel: [],
        filterModel: {},
        successCallback: (rows, last) => resolve({ rows, last }),
        failCallback: () => reject(new Error('failed')),
      }),
    );
    expect(got.last).toBe(2);
    expect(got.rows).toHaveLength(2);
    expect(asked[0]).toEqual({ filter: { koc: true }, sort: [], start: 0, limit: 100 });

    await new Promise<void>((resolve) =>
      source.getRows({
        startRow: 100,
        endRow: 200,
        sortModel: [],
        filterModel: {},
        successCallback: () => undefined,
        failCallback: () => resolve(),
      }),
    );
    expect(errors).toHaveLength(1);
  });

  it('tells the grid the total with a full block, counting each filter once', async () => {
    const counted: unknown[] = [];
    const source = memberDatasource({
      filter: {},
      fetchRows: async (request) => Array.from({ length: request.limit }, (_, i) => ({ id: request.start + i + 1 }) as never),
      fetchCount: async (filter) => {
        counted.push(filter);
        return 12_345;
      },
      onError: () => undefined,
    });
    const block = (startRow: number) =>
      new Promise<number | undefined>((resolve, reject) =>
        source.getRows({
          startRow,
          endRow: startRow + 100,
          sortModel: [],
          filterModel: {},
          successCallback: (_rows, last) => resolve(last),
          failCallback: () => reject(new Error('failed')),
        }),
      );
    expect(await block(0)).toBe(12_345);
    expect(await block(5_000)).toBe(12_345);
    expect(counted).toEqual([{}]);
  });
});

/**
 * member_score: written whole by a recompute, read page by page by the member grid. Sorting and
 * filtering happen here, in SQLite, so the grid works the same at ten members or a million.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { MemberFilter, MemberRow, MemberSort, NumberCondition, ResolvedMemberFilter, SortableMemberColumn } from '../../shared/member-grid';
import { rowsWriter, type RowsWriter } from './rows-writer';

/** One computed row, in the table's column order. */
export interface MemberScoreRow {
  memberId: number;
  tier: string;
  tierRank: number;
  circle: string;
  lifecycle: string;
  rfmR: number | null;
  rfmF: number | null;
  rfmM: number | null;
  rfmSegment: string | null;
  pointsBalance: number;
  pointsWindow: number;
  activeDays30: number;
  influence: number;
  isKoc: boolean;
  pAlive: number | null;
  churnRisk: number | null;
  expected: number | null;
  clv: number | null;
}

/**
 * Grid columns as SQL over member_score `s` joined with member_label `l` (and member `m`, joined
 * only when a query names it: last seen is member's own, current and indexed).
 */
const columnSql: Record<SortableMemberColumn, string> = {
  name: 'l.sort_key',
  identities: 'l.identities',
  tier: 's.tier_rank',
  circle: 's.circle',
  rfmSegment: 's.rfm_segment',
  lifecycle: 's.lifecycle',
  points: 's.points_balance',
  pointsWindow: 's.points_window',
  lastSeen: 'm.last_seen',
  activeDays30: 's.active_days_30',
  churnRisk: 's.churn_risk',
  clv: 's.clv',
  expected: 's.expected',
  influence: 's.influence',
  koc: 's.is_koc',
};

// The hash's state: two 32-bit lanes, mixed a 32-bit word at a time (module-level, so hashing a
// million rows allocates nothing).
let laneA = 0;
let laneB = 0;
const wordsOf = new Float64Array(1);
const words = new Uint32Array(wordsOf.buffer);

function mixWord(word: number): void {
  laneA = Math.imul(laneA ^ word, 0xcc9e2d51);
  laneA = Math.imul((laneA << 15) | (laneA >>> 17), 0x1b873593);
  laneB = Math.imul(laneB ^ word, 0x85ebca6b);
  laneB = Math.imul((laneB << 13) | (laneB >>> 19), 0xc2b2ae35);
}

function mixNumber(value: number | null): void {
  if (value === null) {
    mixWord(0x9e3779b9);
    mixWord(0x7f4a7c15);
    return;
  }
  wordsOf[0] = value;
  mixWord(words[0] ?? 0);
  mixWord(words[1] ?? 0);
}

function mixText(value: string | null): void {
  if (value === null) {
    mixWord(0xffffffff);
    return;
  }
  mixWord(value.length);
  for (let i = 0; i < value.length; i += 1) mixWord(value.charCodeAt(i));
}

function finalLane(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 53-bit hash of every stored value of a row (doubles by their exact bits), stored beside it
 * as `sig` so the next recompute can tell an unchanged row without reading it back. Two rows
 * that differ share one with a chance of about one in 2^53.
 *
 * @example
 * scoreSignature(row) === scoreSignature({ ...row }) // true
 * scoreSignature(row) === scoreSignature({ ...row, clv: row.clv + 0.01 }) // false
 */
export function scoreSignature(r: MemberScoreRow): number {
  laneA = 0x3c6ef372;
  laneB = 0x6a09e667;
  mixNumber(r.memberId);
  mixText(r.tier);
  mixNumber(r.tierRank);
  mixText(r.circle);
  mixText(r.lifecycle);
  mixNumber(r.rfmR);
  mixNumber(r.rfmF);
  mixNumber(r.rfmM);
  mixText(r.rfmSegment);
  mixNumber(r.pointsBalance);
  mixNumber(r.pointsWindow);
  mixNumber(r.activeDays30);
  mixNumber(r.influence);
  mixWord(r.isKoc ? 1 : 0);
  mixNumber(r.pAlive);
  mixNumber(r.churnRisk);
  mixNumber(r.expected);
  mixNumber(r.clv);
  return finalLane(laneA) * 0x200000 + (finalLane(laneB) >>> 11);
}

/**
 * What members' stored rows say, as far as a recompute needs to know: the signature (asked for
 * every row) and, for a row that changed, its standing.
 */
export interface StoredScores {
  /** scoreSignature of the row as last written whole; null for no row, or one edited otherwise. */
  signature(memberId: number): number | null;
  /** The row's tier rank and points balance, or null for no row. */
  standing(memberId: number): { tierRank: number; pointsBalance: number } | null;
}

/**
 * The indexes: the grid's sort columns operators sort a million members by (others sort by a
 * scan: names by member_label's index, last seen by member's), grouped by what moves them. A member's standing (tier, points balance) changes only with
 * their own activity or the ledger, a few rows a day; the churn figures move for every buyer each
 * day. Each group is dropped and built again only when many of its rows change.
 *
 * One column each: member_id is the rowid, which every index entry carries anyway, so these order
 * by (column, member_id) as the grid's keyset needs — and build ~35% faster than with member_id
 * spelled out (which stored it twice). The at-risk one is the retention list: members above the
 * risk threshold, most valuable first, a partial index that keeps it fast when few members match
 * (walking the whole CLV index took ~140 ms at 1M).
 */
function indexGroups(riskThreshold: number): { standing: Map<string, string>; churn: Map<string, string> } {
  const single = (column: string): [string, string] => [
    `member_score_${column}`,
    `CREATE INDEX member_score_${column} ON member_score(${column})`,
  ];
  return {
    standing: new Map(['tier_rank', 'points_balance'].map(single)),
    churn: new Map([
      single('churn_risk'),
      single('clv'),
      [
        'member_score_at_risk',
        `CREATE INDEX member_score_at_risk ON member_score(clv) WHERE churn_risk > ${riskLiteral(riskThreshold)}`,
      ],
    ]),
  };
}

/**
 * Changed rows, as a share of all, up to which an index group stays and follows each row (~2.3 µs
 * a row per index) instead of being dropped and built again (~0.4 s an index at 1M rows).
 */
const KEEP_INDEXES_UP_TO = 1 / 20;

const scoreColumns = [
  'member_id', 'tier', 'tier_rank', 'circle', 'lifecycle', 'rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment',
  'points_balance', 'points_window', 'active_days_30', 'influence', 'is_koc', 'p_alive', 'churn_risk', 'expected', 'clv', 'sig',
];
const standingColumns = new Set(['tier_rank', 'points_balance']);

function valuesOf(r: MemberScoreRow, sig: number): unknown[] {
  return [
    r.memberId, r.tier, r.tierRank, r.circle, r.lifecycle,
    r.rfmR, r.rfmF, r.rfmM, r.rfmSegment, r.pointsBalance, r.pointsWindow, r.activeDays30, r.influence,
    r.isKoc ? 1 : 0, r.pAlive, r.churnRisk, r.expected, r.clv, sig,
  ];
}

/**
 * Replaces every member_score row inside the caller's transaction, touching as little as it can:
 * - a row whose signature says it is stored exactly as computed stays as it is;
 * - a row whose standing (tier, points balance) is unchanged is updated without those columns,
 *   so their indexes are not touched;
 * - each index group is kept, and follows the rows written, while few of its rows change (held
 *   back until that is known); past that it is dropped, the rows are rewritten in place in id
 *   order (an upsert reuses each row's page: ~0.6 s faster at 1M members than deleting every row
 *   and inserting afresh) and it is built once at the end.
 * Rows of members not given go.
 *
 * `stored` says what each member's stored row is (the population read it: see
 * memberPopulation); `expected` is how many rows are coming.
 *
 * @example
 * sqlite.transaction(() => replaceMemberScores(sqlite, rows, 0.7, { stored, expected: population.size }))();
 * // { scored: 1200, rewritten: 310 }
 */
export function replaceMemberScores(
  sqlite: BetterSqlite3.Database,
  rows: Iterable<MemberScoreRow>,
  riskThreshold: number,
  { stored, expected }: { stored: StoredScores; expected: number },
): { scored: number; rewritten: number } {
  const groups = indexGroups(riskThreshold);
  const present = new Map(
    sqlite
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'member_score' AND sql IS NOT NULL",
      )
      .all()
      .map((index) => [index.name, index.sql]),
  );
  const current = (group: Map<string, string>): boolean => [...group].every(([name, sql]) => present.get(name) === sql);
  const limit = Math.floor(expected * KEEP_INDEXES_UP_TO);
  const dropped = new Set<Map<string, string>>();
  const drop = (group: Map<string, string>): void => {
    if (dropped.has(group)) return;
    for (const name of group.keys()) sqlite.exec(`DROP INDEX IF EXISTS ${name}`);
    dropped.add(group);
  };
  if (!current(groups.standing)) drop(groups.standing);
  if (!current(groups.churn)) drop(groups.churn);

  const writer = (columns: readonly string[]): RowsWriter =>
    rowsWriter(
      sqlite,
      `INSERT INTO member_score (${scoreColumns.join(', ')})`,
      scoreColumns.length,
      `ON CONFLICT (member_id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
  // `whole` writes every column (new rows, changed standing); `rest` leaves the standing alone.
  const whole = writer(scoreColumns.slice(1));
  const rest = writer(scoreColumns.slice(1).filter((c) => !standingColumns.has(c)));
  let wholeRows = 0;
  // Changed rows wait here while both groups may yet be kept.
  let held: { values: unknown[]; standing: boolean }[] | null = dropped.size === 0 ? [] : null;
  const write = (values: unknown[], standing: boolean): void => (standing ? whole : rest).add(...values);
  const release = (): void => {
    for (const row of held ?? []) write(row.values, row.standing);
    held = null;
  };

  const scored: number[] = [];
  for (const r of rows) {
    scored.push(r.memberId);
    const sig = scoreSignature(r);
    if (stored.signature(r.memberId) === sig) continue;
    const before = stored.standing(r.memberId);
    const standing = !before || before.tierRank !== r.tierRank || before.pointsBalance !== r.pointsBalance;
    if (standing) wholeRows += 1;
    if (held) {
      held.push({ values: valuesOf(r, sig), standing });
      if (held.length <= limit) continue;
      drop(groups.churn);
      if (wholeRows > limit) drop(groups.standing);
      release();
      continue;
    }
    if (standing && wholeRows > limit) drop(groups.standing);
    write(valuesOf(r, sig), standing);
  }
  release();
  const rewritten = whole.finish() + rest.finish();
  // Merges and undo delete their members' rows, so usually nothing is left over; when something
  // is (a member scored before and not now), it goes.
  const count = sqlite.prepare<[], number>('SELECT count(*) FROM member_score').pluck().get() ?? 0;
  if (count !== scored.length) {
    const keep = new Set(scored);
    const remove = sqlite.prepare<[number]>('DELETE FROM member_score WHERE member_id = ?');
    for (const id of sqlite.prepare<[], number>('SELECT member_id FROM member_score').pluck().all()) {
      if (!keep.has(id)) remove.run(id);
    }
  }
  for (const group of dropped) for (const sql of group.values()) sqlite.exec(sql);
  return { scored: scored.length, rewritten };
}

type Params = Record<string, string | number>;

/** The risk threshold as SQL text (a finite number between 0 and 1, from validated rules). */
function riskLiteral(threshold: number): string {
  if (!Number.isFinite(threshold)) throw new RangeError(`risk threshold must be a number, got ${threshold}`);
  return String(threshold);
}

const ops: Record<Exclude<NumberCondition['op'], 'between'>, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause and parameters for a grid filter over member_score `s` joined with member_label `l`.
 *
 * @example
 * memberFilterSql({ tiers: ['core'], quick: '王' }, 0.7)
 * // { where: "l.search LIKE @quick ESCAPE '\\' AND s.tier IN (@t0)", params: { quick: '%王%', t0: 'core' } }
 */
export function memberFilterSql(filter: ResolvedMemberFilter, riskThreshold: number): { where: string; params: Params } {
  const clauses: string[] = [];
  const params: Params = {};
  // SQLite cannot tell a local day from member.first_seen without the workspace's time zone, so
  // join days arrive resolved to instants (ResolvedMemberFilter, resolveMemberFilter).
  if ((filter.joinedFrom !== undefined && filter.joinedFromTs === undefined) || (filter.joinedTo !== undefined && filter.joinedToTs === undefined)) {
    throw new Error('memberFilterSql: join days need resolving to instants first (resolveMemberFilter)');
  }
  const inList = (column: string, list: readonly string[] | undefined, prefix: string): void => {
    if (!list) return;
    if (list.length === 0) {
      clauses.push('0');
      return;
    }
    const names = list.map((value, i) => {
      params[`${prefix}${i}`] = value;
      return `@${prefix}${i}`;
    });
    clauses.push(`${column} IN (${names.join(', ')})`);
  };
  if (filter.quick) {
    params.quick = likeContains(filter.quick.normalize('NFKC').toLowerCase());
    clauses.push(`l.search LIKE @quick ESCAPE '\\'`);
  }
  if (filter.name) {
    params.name = likeContains(filter.name);
    clauses.push(`l.name LIKE @name ESCAPE '\\'`);
  }
  inList('s.tier', filter.tiers, 't');
  inList('s.circle', filter.circles, 'c');
  inList('s.lifecycle', filter.lifecycles, 'l');
  inList('s.rfm_segment', filter.rfmSegments, 'r');
  if (filter.tag) {
    params.tag = filter.tag;
    clauses.push('s.member_id IN (SELECT member_id FROM member_tag WHERE tag = @tag)');
  }
  if (filter.koc !== undefined) clauses.push(`s.is_koc = ${filter.koc ? 1 : 0}`);
  if (filter.atRisk !== undefined) {
    // A literal, not a parameter: SQLite can then use the at-risk partial index built with it.
    const risk = riskLiteral(riskThreshold);
    clauses.push(filter.atRisk ? `s.churn_risk > ${risk}` : `(s.churn_risk IS NULL OR s.churn_risk <= ${risk})`);
  }
  if (filter.lastSeenFrom !== undefined) {
    params.seenFrom = filter.lastSeenFrom;
    clauses.push('m.last_seen >= @seenFrom');
  }
  if (filter.lastSeenTo !== undefined) {
    params.seenTo = filter.lastSeenTo;
    clauses.push('m.last_seen < @seenTo');
  }
  if (filter.joinedFromTs !== undefined || filter.joinedToTs !== undefined) {
    const bounds: string[] = [];
    if (filter.joinedFromTs !== undefined) {
      params.joinedFromTs = filter.joinedFromTs;
      bounds.push('first_seen >= @joinedFromTs');
    }
    if (filter.joinedToTs !== undefined) {
      params.joinedToTs = filter.joinedToTs;
      bounds.push('first_seen < @joinedToTs');
    }
    clauses.push(`s.member_id IN (SELECT id FROM member WHERE ${bounds.join(' AND ')})`);
  }
  (filter.numbers ?? []).forEach((condition, i) => {
    const column = columnSql[condition.column];
    params[`n${i}`] = condition.value;
    if (condition.op === 'between') {
      params[`n${i}to`] = condition.to ?? condition.value;
      clauses.push(`${column} BETWEEN @n${i} AND @n${i}to`);
    } else {
      clauses.push(`${column} ${ops[condition.op]} @n${i}`);
    }
  });
  if (filter.ids) {
    clauses.push(filter.ids.length === 0 ? '0' : `s.member_id IN (${filter.ids.map((id) => Math.trunc(id)).join(', ')})`);
  }
  return { where: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

/**
 * ORDER BY for a grid sort, always ending in the member id so pages never overlap.
 *
 * @example
 * memberOrderSql([{ colId: 'points', sort: 'desc' }]) // 's.points_balance DESC, s.member_id DESC'
 */
export function memberOrderSql(sort: MemberSort): string {
  const terms = sort.map(({ colId, sort: direction }) => `${columnSql[colId]} ${direction === 'desc' ? 'DESC' : 'ASC'}`);
  const last = sort.at(-1)?.sort === 'desc' ? 'DESC' : 'ASC';
  // The id of the table whose index gives the order: SQLite does not carry the order of
  // member_last_seen over to s.member_id, and would sort every row instead.
  const id = byMember(sort) ? 'm.id' : 's.member_id';
  return [...terms, `${id} ${last}`].join(', ');
}

/** A sort led by a column of member `m` (last seen). */
function byMember(sort: MemberSort): boolean {
  const first = sort[0];
  return first !== undefined && columnSql[first.colId].startsWith('m.');
}

/**
 * FROM for grid queries: member_score with its labels, and member when the query names it. A sort
 * led by last seen walks member's index first (CROSS JOIN keeps it the outer loop: otherwise,
 * with a filter on a score, SQLite sorts every matching row instead).
 */
function fromSql(sql: string, sort: MemberSort = []): string {
  if (byMember(sort)) {
    return 'member m CROSS JOIN member_score s ON s.member_id = m.id JOIN member_label l ON l.member_id = s.member_id';
  }
  const member = /\bm\./.test(sql) ? ' JOIN member m ON m.id = s.member_id' : '';
  return `member_score s JOIN member_label l ON l.member_id = s.member_id${member}`;
}

interface ScoreRowSql {
  member_id: number;
  name: string;
  identities: number;
  tier: string;
  circle: string;
  rfm_segment: string | null;
  lifecycle: string;
  points_balance: number;
  points_window: number;
  last_seen: number | null;
  active_days_30: number;
  churn_risk: number | null;
  clv: number | null;
  expected: number | null;
  influence: number;
  is_koc: number;
  tags: string | null;
}

function toRow(r: ScoreRowSql): MemberRow {
  return {
    id: r.member_id,
    name: r.name,
    identities: r.identities,
    tier: r.tier,
    circle: r.circle,
    rfmSegment: r.rfm_segment,
    lifecycle: r.lifecycle,
    points: r.points_balance,
    pointsWindow: r.points_window,
    lastSeen: r.last_seen,
    activeDays30: r.active_days_30,
    churnRisk: r.churn_risk,
    clv: r.clv,
    expected: r.expected,
    influence: r.influence,
    koc: r.is_koc === 1,
    tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
  };
}

/**
 * The grid's row query for a filter and sort (paged: with @limit and @start).
 *
 * @example
 * sqlite.prepare(`EXPLAIN QUERY PLAN ${memberRowsSql({}, [{ colId: 'lastSeen', sort: 'desc' }], 0.7, true).sql}`)
 */
export function memberRowsSql(filter: MemberFilter, sort: MemberSort, riskThreshold: number, paged: boolean): { sql: string; params: Params } {
  const { where, params } = memberFilterSql(filter, riskThreshold);
  return {
    sql: `SELECT s.member_id, l.name, l.identities, s.tier, s.circle, s.rfm_segment, s.lifecycle, s.points_balance,
         s.points_window, m.last_seen, s.active_days_30, s.churn_risk, s.clv, s.expected, s.influence, s.is_koc,
         (SELECT json_group_array(tag) FROM member_tag t WHERE t.member_id = s.member_id) AS tags
       FROM ${fromSql('m.', sort)} WHERE ${where}
       ORDER BY ${memberOrderSql(sort)}${paged ? ' LIMIT @limit OFFSET @start' : ''}`,
    params,
  };
}

/**
 * One page of the member grid.
 *
 * @example
 * memberPage(sqlite, { filter: { tiers: ['core'] }, sort: [{ colId: 'points', sort: 'desc' }], start: 0, limit: 100 }, 0.7)
 */
export function memberPage(
  sqlite: BetterSqlite3.Database,
  request: { filter: MemberFilter; sort: MemberSort; start: number; limit: number },
  riskThreshold: number,
): MemberRow[] {
  const { sql, params } = memberRowsSql(request.filter, request.sort, riskThreshold, true);
  return sqlite.prepare<Params, ScoreRowSql>(sql).all({ ...params, limit: request.limit, start: request.start }).map(toRow);
}

/**
 * Every row a filter matches, in grid order, streamed (exports).
 *
 * @example
 * for (const row of memberRows(sqlite, {}, [{ colId: 'name', sort: 'asc' }], 0.7)) write(row);
 */
export function* memberRows(sqlite: BetterSqlite3.Database, filter: MemberFilter, sort: MemberSort, riskThreshold: number): Generator<MemberRow> {
  const { sql, params } = memberRowsSql(filter, sort, riskThreshold, false);
  for (const row of sqlite.prepare<Params, ScoreRowSql>(sql).iterate(params)) yield toRow(row);
}

/**
 * How many members a grid filter matches.
 *
 * @example
 * memberCount(sqlite, { atRisk: true }, 0.7) // 1834
 */
export function memberCount(sqlite: BetterSqlite3.Database, filter: MemberFilter, riskThreshold: number): number {
  const { where, params } = memberFilterSql(filter, riskThreshold);
  return sqlite.prepare<Params, { n: number }>(`SELECT count(*) AS n FROM ${fromSql(where)} WHERE ${where}`).get(params)?.n ?? 0;
}

/**
 * The ids a filter matches (bulk actions over "everything I filtered"), in id order.
 *
 * @example
 * memberIdsFor(sqlite, { tiers: ['newcomer'] }, 0.7) // [3, 8, 21, …]
 */
export function memberIdsFor(sqlite: BetterSqlite3.Database, filter: MemberFilter, riskThreshold: number): number[] {
  const { where, params } = memberFilterSql(filter, riskThreshold);
  return sqlite
    .prepare<Params, { member_id: number }>(
      `SELECT s.member_id FROM ${fromSql(where)} WHERE ${where} ORDER BY s.member_id`,
    )
    .all(params)
    .map((r) => r.member_id);
}

/**
 * Member counts per value of one score column (tier, circle, lifecycle, RFM segment).
 *
 * @example
 * memberDistribution(sqlite, 'tier') // [{ value: 'newcomer', count: 812 }, …]
 */
export function memberDistribution(
  sqlite: BetterSqlite3.Database,
  column: 'tier' | 'circle' | 'lifecycle' | 'rfm_segment',
): { value: string | null; count: number }[] {
  return sqlite
    .prepare<[], { value: string | null; count: number }>(`SELECT ${column} AS value, count(*) AS count FROM member_score GROUP BY ${column}`)
    .all();
}

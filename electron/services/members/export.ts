/**
 * Member CSV export: UTF-8 with a BOM (so Excel opens Chinese correctly), cells that start with
 * = + - @ escaped against formula injection, written in pages so a million rows stay in bounded
 * memory. Exports exactly what the grid shows for the same filter and sort.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import { memberRows } from '../../../db/queries/member-scores';
import { memberColumns, type MemberColumn, type MemberFilter, type MemberRow, type MemberSort, type ResolvedMemberFilter } from '../../../shared/member-grid';
import type { MemberRules } from '../../../shared/members/rules';
import type { Locale } from '../../../shared/workspace';
import { resolveMemberFilter } from './filter';
import { dayResolver, dayToIso } from '../../../shared/time';

const headers: Record<MemberColumn, { en: string; 'zh-CN': string }> = {
  name: { en: 'Name', 'zh-CN': '姓名' },
  identities: { en: 'Identities', 'zh-CN': '身份数' },
  tier: { en: 'Tier', 'zh-CN': '等级' },
  circle: { en: 'Circle', 'zh-CN': '圈层' },
  rfmSegment: { en: 'RFM segment', 'zh-CN': 'RFM 分群' },
  lifecycle: { en: 'Lifecycle', 'zh-CN': '生命周期' },
  points: { en: 'Points', 'zh-CN': '积分' },
  pointsWindow: { en: 'Points in window', 'zh-CN': '窗口内积分' },
  lastSeen: { en: 'Last seen', 'zh-CN': '最近活跃' },
  activeDays30: { en: 'Active days (30)', 'zh-CN': '近30天活跃天数' },
  churnRisk: { en: 'Churn risk', 'zh-CN': '流失风险' },
  clv: { en: 'CLV', 'zh-CN': '客户终身价值' },
  expected: { en: 'Expected events', 'zh-CN': '预期行为次数' },
  influence: { en: 'Influence', 'zh-CN': '影响力' },
  koc: { en: 'KOC', 'zh-CN': 'KOC' },
  tags: { en: 'Tags', 'zh-CN': '标签' },
};

const CHUNK = 5000;

function cell(row: MemberRow, column: MemberColumn, tierNames: Map<string, string>, timeZoneDay: (ts: number) => number): string | number {
  switch (column) {
    case 'tier':
      return tierNames.get(row.tier) ?? row.tier;
    case 'lastSeen':
      return row.lastSeen === null ? '' : dayToIso(timeZoneDay(row.lastSeen));
    case 'churnRisk':
      return row.churnRisk === null ? '' : Math.round(row.churnRisk * 1000) / 10;
    case 'clv':
    case 'expected':
      return row[column] === null ? '' : Math.round((row[column] ?? 0) * 100) / 100;
    case 'koc':
      return row.koc ? 1 : 0;
    case 'tags':
      return row.tags.join('; ');
    case 'rfmSegment':
      return row.rfmSegment ?? '';
    default:
      return row[column];
  }
}

export interface CsvRequest {
  /** Resolved (resolveMemberFilter) when it has join days. */
  filter: ResolvedMemberFilter;
  sort: MemberSort;
  columns: readonly MemberColumn[];
  language: Locale;
  rules: MemberRules;
  dayOf: (ts: number) => number;
  limit?: number;
}

/**
 * The CSV in chunks of text: a BOM and the header first, then up to 5,000 rows per chunk.
 *
 * @example
 * for (const chunk of membersCsvChunks(sqlite, request)) out.write(chunk);
 */
export function* membersCsvChunks(sqlite: BetterSqlite3.Database, request: CsvRequest): Generator<string, number> {
  const { columns, language } = request;
  const tierNames = new Map(request.rules.tiers.ladder.map((t) => [t.id, t.name[language]]));
  yield `\uFEFF${Papa.unparse([columns.map((c) => headers[c][language])], { escapeFormulae: true })}\r\n`;
  let rows = 0;
  let chunk: (string | number)[][] = [];
  for (const row of memberRows(sqlite, request.filter, request.sort, request.rules.churn.riskThreshold)) {
    if (request.limit !== undefined && rows >= request.limit) break;
    chunk.push(columns.map((c) => cell(row, c, tierNames, request.dayOf)));
    rows += 1;
    if (chunk.length === CHUNK) {
      yield `${Papa.unparse(chunk, { escapeFormulae: true })}\r\n`;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield `${Papa.unparse(chunk, { escapeFormulae: true })}\r\n`;
  return rows;
}

/**
 * The whole CSV as one string (the CLI, with a row limit).
 *
 * @example
 * membersCsv(sqlite, { filter: {}, sort: [], limit: 100, rules, timeZone: 'Asia/Shanghai', language: 'zh-CN' })
 */
export function membersCsv(
  sqlite: BetterSqlite3.Database,
  options: { filter: MemberFilter; sort: MemberSort; limit: number; rules: MemberRules; timeZone: string; language: Locale },
): string {
  const filter = resolveMemberFilter(options.filter, options.timeZone);
  const chunks = [...membersCsvChunks(sqlite, { ...options, filter, columns: memberColumns, dayOf: dayResolver(options.timeZone) })];
  return chunks.join('');
}

/**
 * Writes the members matching the filter to `file` (via a temporary file, renamed when complete,
 * so a failed export never leaves a half file). Returns the rows written.
 *
 * @example
 * exportMembersCsv(sqlite, { filter: { tiers: ['core'] }, sort: [], columns: ['name', 'tier'], language: 'zh-CN', file, rules, dayOf })
 */
export function exportMembersCsv(sqlite: BetterSqlite3.Database, request: CsvRequest & { file: string }): number {
  fs.mkdirSync(path.dirname(request.file), { recursive: true });
  const partial = `${request.file}.partial`;
  const fd = fs.openSync(partial, 'w');
  let rows = 0;
  try {
    const chunks = membersCsvChunks(sqlite, request);
    for (let next = chunks.next(); ; next = chunks.next()) {
      if (next.done) {
        rows = next.value;
        break;
      }
      fs.writeSync(fd, next.value);
    }
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(partial, request.file);
  return rows;
}

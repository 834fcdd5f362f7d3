/**
 * Table rows → Hearth records, shared by CSV and xlsx. One builder per file: it remembers which
 * members it has announced, which order ids and row hashes it has used, and the order whose
 * lines it is still adding up.
 */
import type {
  ActivityKind,
  ActivityRecord,
  IdentityRef,
  ImportRecord,
  OrderRecord,
  ProblemRecord,
  SurveyRecord,
} from '../../../../shared/import';
import { activityKinds } from '../../../../shared/import';
import { importError } from '../errors';
import type { DateResult } from './table-dates';
import type { ColumnRef, ResolvedMapping, TableField, TableMode } from './table-mapping';
import { OccurrenceCounter, TABLE_IDS, stableId } from './ids';
import { MembersSeen } from './record-batch';

/** A cell as read: text from CSV; numbers, booleans and dates too from xlsx. */
export type TableCell = string | number | boolean | Date | null;

export interface TableRow {
  cells: TableCell[];
  /** 1-based physical line (CSV) or sheet row (xlsx). */
  line: number;
}

export interface TableBuilderOptions {
  fileName: string;
  mode: TableMode;
  source: string;
  mapping: ResolvedMapping;
  /** Header texts, or null when the table has no header row. */
  headers: readonly string[] | null;
  /** Line of the header row (0 when there is none), for fatal mapping errors. */
  headerLine: number;
  readDate: (cell: string | number | Date) => DateResult;
}

/** Words that mean "this order did not go through". */
const CANCELLED = /cancel|refund|void|return|closed|取消|退款|退货|关闭|作废|失败/i;
/** Words that mean "not paid yet": such rows are problems, not revenue. */
const UNPAID = /unpaid|not paid|pending payment|awaiting payment|待付款|等待买家付款|未付款|待支付|未支付/i;
/** Online Retail marks cancellation invoices with a C before the number. */
const CANCELLED_INVOICE = /^C\d+$/;
/** What R, Excel and databases write for "no value". */
const BLANKS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', 'nan', '-', '—']);

const KIND_ALIASES: Record<string, ActivityKind> = {
  msg: 'message',
  chat: 'message',
  消息: 'message',
  发言: 'message',
  聊天: 'message',
  回复: 'reply',
  点赞: 'reaction',
  like: 'reaction',
  表情: 'reaction',
  加入: 'join',
  入群: 'join',
  进群: 'join',
  退群: 'leave',
  离开: 'leave',
  签到: 'checkin',
  打卡: 'checkin',
  'check-in': 'checkin',
  ugc: 'ugc_post',
  晒单: 'ugc_post',
  发帖: 'post',
  帖子: 'post',
  评论: 'comment',
  活动: 'event_attendance',
  参加活动: 'event_attendance',
  attend: 'event_attendance',
  attendance: 'event_attendance',
  推荐: 'referral',
  邀请: 'referral',
  invite: 'referral',
  问卷: 'survey',
  徽章: 'badge',
  勋章: 'badge',
};

interface OpenOrder {
  key: string;
  memberId: string;
  record: OrderRecord;
}

/**
 * Builds records from rows. `accept` returns the records a row completes (an order is returned
 * when its last contiguous line has been seen), `finish` the rest.
 */
export class TableRecordBuilder {
  private readonly o: TableBuilderOptions;
  private readonly members = new MembersSeen();
  private readonly ids = new OccurrenceCounter(TABLE_IDS);
  private readonly answerKeys: { index: number; key: string }[];
  private open: OpenOrder | null = null;
  private heldProblems: ProblemRecord[] = [];

  constructor(options: TableBuilderOptions) {
    this.o = options;
    this.answerKeys = options.mode === 'surveys' ? answerColumns(options) : [];
  }

  accept(row: TableRow): ImportRecord[] {
    if (row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return [];
    switch (this.o.mode) {
      case 'orders':
        return this.order(row);
      case 'surveys':
        return this.survey(row);
      case 'activities':
        return this.activity(row);
      case 'members':
        return this.member(row);
    }
  }

  finish(): ImportRecord[] {
    const out: ImportRecord[] = [];
    this.closeOrder(out);
    return out;
  }

  // --- cells ---

  private ref(field: TableField): ColumnRef | undefined {
    return this.o.mapping[field];
  }

  private raw(row: TableRow, field: TableField): TableCell {
    const ref = this.ref(field);
    if (ref === undefined || ref.indexes.length !== 1) return null;
    return row.cells[ref.indexes[0] ?? 0] ?? null;
  }

  private text(row: TableRow, field: TableField): string {
    return cellText(this.raw(row, field)).trim();
  }

  /** Text of an optional field, or null when it is blank ("NA" and friends count as blank). */
  private optional(row: TableRow, field: TableField): string | null {
    const t = this.text(row, field);
    return BLANKS.has(t.toLowerCase()) ? null : t;
  }

  private problem(row: TableRow, field: TableField, value: string, message: string): ProblemRecord {
    return { type: 'problem', line: row.line, field: this.ref(field)?.label ?? field, value, message };
  }

  private number(row: TableRow, field: TableField): { value: number | null } | { problem: ProblemRecord } {
    const ref = this.ref(field);
    if (ref === undefined) return { value: null };
    let product = 1;
    for (const index of ref.indexes) {
      const cell = row.cells[index] ?? null;
      const text = cellText(cell).trim();
      if (BLANKS.has(text.toLowerCase())) {
        if (field === 'quantity') return { value: null };
        return { problem: this.problem(row, field, text, `${field} is empty`) };
      }
      const n = typeof cell === 'number' ? cell : parseNumber(text);
      if (n === null) return { problem: this.problem(row, field, text, `${field} is not a number`) };
      product *= n;
    }
    return { value: product };
  }

  private date(row: TableRow): { ts: number } | { problem: ProblemRecord } {
    const cell = this.raw(row, 'date');
    const text = cellText(cell).trim();
    if (cell === null || typeof cell === 'boolean' || text === '') {
      return { problem: this.problem(row, 'date', text, 'date is empty') };
    }
    const result = this.o.readDate(cell);
    return 'ts' in result ? { ts: result.ts } : { problem: this.problem(row, 'date', text, result.error) };
  }

  /** The person a row is about: the member column, else email, else phone. */
  private identity(row: TableRow): { identity: IdentityRef } | { missing: ProblemRecord } {
    const email = this.optional(row, 'email');
    const phone = this.optional(row, 'phone');
    let externalId: string | null;
    let field: TableField;
    if (this.ref('member') !== undefined) {
      externalId = this.optional(row, 'member');
      field = 'member';
    } else if (this.ref('email') !== undefined) {
      externalId = email === null ? null : email.toLowerCase();
      field = 'email';
    } else {
      externalId = phone === null ? null : phone.replace(/[\s-]/g, '');
      field = 'phone';
    }
    if (externalId === null) {
      return { missing: this.problem(row, field, this.text(row, field), `no ${field === 'member' ? 'member id' : field} in this row`) };
    }
    return {
      identity: {
        source: this.o.source,
        externalId,
        handle: this.optional(row, 'handle'),
        displayName: this.optional(row, 'name'),
        email,
        phone,
      },
    };
  }

  // --- orders ---

  private order(row: TableRow): ImportRecord[] {
    const out: ImportRecord[] = [];
    const who = this.identity(row);
    const when = this.date(row);
    const amount = this.number(row, 'amount');
    const quantity = this.number(row, 'quantity');
    const status = this.optional(row, 'status') ?? '';
    const problems: ProblemRecord[] = [];
    if ('missing' in who) problems.push(who.missing);
    if ('problem' in when) problems.push(when.problem);
    if ('problem' in amount) problems.push(amount.problem);
    if ('problem' in quantity) problems.push(quantity.problem);
    if (status !== '' && UNPAID.test(status) && !CANCELLED.test(status)) {
      problems.push(this.problem(row, 'status', status, 'order not paid; skipped'));
    }
    if (problems.length > 0 || 'missing' in who || 'problem' in when || 'problem' in amount || 'problem' in quantity) {
      // While an order's lines are still being added up, its record is not out yet; hold the
      // problems so records stay in file order.
      if (this.open !== null) {
        this.heldProblems.push(...problems);
        return [];
      }
      return problems;
    }
    const orderId = this.optional(row, 'order');
    const cancelled =
      CANCELLED.test(status) || (orderId !== null && CANCELLED_INVOICE.test(orderId)) || (amount.value ?? 0) < 0;
    const value = Math.abs(amount.value ?? 0);
    const qty = quantity.value === null ? null : Math.abs(quantity.value);
    const memberId = who.identity.externalId;

    if (orderId !== null && this.open !== null && this.open.key === orderId && this.open.memberId === memberId) {
      // Another line of the same order: add it up.
      const r = this.open.record;
      r.amount = roundMoney(r.amount + value);
      if (qty !== null) r.quantity = (r.quantity ?? 0) + qty;
      if (cancelled) r.status = 'cancelled';
      return out;
    }
    this.closeOrder(out);
    this.members.announce(out, who.identity, row.line);
    const key =
      orderId ??
      `h:${stableId([memberId, cellText(this.raw(row, 'date')), String(amount.value), String(quantity.value), status], TABLE_IDS)}`;
    const record: OrderRecord = {
      type: 'order',
      line: row.line,
      source: this.o.source,
      externalId: this.ids.next(key),
      member: who.identity,
      ts: when.ts,
      amount: roundMoney(value),
      quantity: qty,
      status: cancelled ? 'cancelled' : 'paid',
    };
    if (orderId === null) {
      out.push(record);
    } else {
      this.open = { key: orderId, memberId, record };
    }
    return out;
  }

  private closeOrder(out: ImportRecord[]): void {
    if (this.open === null) return;
    out.push(this.open.record, ...this.heldProblems);
    this.open = null;
    this.heldProblems = [];
  }

  // --- surveys ---

  private survey(row: TableRow): ImportRecord[] {
    const out: ImportRecord[] = [];
    const when = this.date(row);
    if ('problem' in when) return [when.problem];
    let score: number | null = null;
    if (this.ref('score') !== undefined) {
      const text = this.text(row, 'score');
      if (!BLANKS.has(text.toLowerCase())) {
        const raw = this.raw(row, 'score');
        const n = typeof raw === 'number' ? raw : parseScore(text);
        if (n === null || n < 0 || n > 10) return [this.problem(row, 'score', text, 'score must be a number from 0 to 10')];
        score = n;
      }
    }
    const answers: Record<string, string> = {};
    for (const { index, key } of this.answerKeys) {
      const t = cellText(row.cells[index] ?? null).trim();
      if (t !== '') answers[key] = t;
    }
    const rowHash = stableId(row.cells.map(cellText), TABLE_IDS);
    const id = this.optional(row, 'id');
    const externalId = this.ids.next(id ?? `h:${rowHash}`);
    const hasPersonColumn = this.ref('member') !== undefined || this.ref('email') !== undefined || this.ref('phone') !== undefined;
    const who = hasPersonColumn ? this.identity(row) : null;
    let member: IdentityRef;
    if (who !== null && 'identity' in who) {
      member = who.identity;
      this.members.announce(out, member, row.line);
    } else {
      // Google Forms and most survey tools export no respondent id: one anonymous identity per
      // response, from the same hash as the response id so re-imports match.
      member = { source: this.o.source, externalId: `anon:${externalId.replace(/^h:/, '')}`, displayName: null };
    }
    const record: SurveyRecord = {
      type: 'survey',
      line: row.line,
      source: this.o.source,
      externalId,
      member,
      ts: when.ts,
      score,
      answers,
    };
    out.push(record);
    return out;
  }

  // --- activities ---

  private activity(row: TableRow): ImportRecord[] {
    const out: ImportRecord[] = [];
    const who = this.identity(row);
    const when = this.date(row);
    const kindText = this.optional(row, 'kind');
    const kind = kindText === null ? 'message' : activityKindOf(kindText);
    const problems: ProblemRecord[] = [];
    if ('missing' in who) problems.push(who.missing);
    if ('problem' in when) problems.push(when.problem);
    if (kind === null) problems.push(this.problem(row, 'kind', kindText ?? '', `unknown activity kind; use one of ${activityKinds.join(', ')}`));
    let value: number | null = null;
    if (this.ref('quantity') !== undefined) {
      const q = this.number(row, 'quantity');
      if ('problem' in q) problems.push(q.problem);
      else value = q.value;
    }
    if ('missing' in who || 'problem' in when || kind === null || problems.length > 0) return problems;
    this.members.announce(out, who.identity, row.line);
    const text = this.optional(row, 'text');
    const channel = this.optional(row, 'channel');
    const id = this.optional(row, 'id');
    const key = id ?? `h:${stableId([who.identity.externalId, cellText(this.raw(row, 'date')), kind, text ?? '', channel ?? ''], TABLE_IDS)}`;
    const record: ActivityRecord = {
      type: 'activity',
      line: row.line,
      source: this.o.source,
      externalId: this.ids.next(key),
      kind,
      ts: when.ts,
      channel,
      text,
      author: who.identity,
      value,
      replyTo: null,
    };
    out.push(record);
    return out;
  }

  // --- members ---

  private member(row: TableRow): ImportRecord[] {
    const who = this.identity(row);
    if ('missing' in who) return [who.missing];
    let joinedAt: number | null = null;
    if (this.ref('date') !== undefined && this.optional(row, 'date') !== null) {
      const when = this.date(row);
      if ('problem' in when) return [when.problem];
      joinedAt = when.ts;
    }
    const out: ImportRecord[] = [];
    this.members.announce(out, who.identity, row.line, { joinedAt });
    return out;
  }
}

/** Survey answer columns: every column not used for who/when/score/id, keyed by header text. */
function answerColumns(o: TableBuilderOptions): { index: number; key: string }[] {
  const used = new Set<number>();
  for (const field of ['member', 'name', 'email', 'phone', 'handle', 'date', 'score', 'id'] as const) {
    for (const i of o.mapping[field]?.indexes ?? []) used.add(i);
  }
  const count = o.headers?.length ?? Math.max(0, ...Object.values(o.mapping).flatMap((r) => r.indexes.map((i) => i + 1)));
  const seen = new Map<string, number>();
  const out: { index: number; key: string }[] = [];
  for (let index = 0; index < count; index++) {
    if (used.has(index)) continue;
    const header = o.headers?.[index]?.trim() ?? '';
    const base = header === '' ? `column ${index + 1}` : header;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({ index, key: n === 1 ? base : `${base} (${n})` });
  }
  return out;
}

/**
 * Text of a cell as the user would read it.
 *
 * @example
 * cellText(12345) // '12345'
 */
export function cellText(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
}

/**
 * Reads a money or count cell: currency signs, thousands separators, a decimal comma ("12,50")
 * and accounting negatives ("(12.00)") are understood.
 *
 * @example
 * parseNumber('¥1,234.50') // 1234.5
 * parseNumber('12,50') // 12.5
 */
export function parseNumber(text: string): number | null {
  let t = text.trim().replace(/^(rmb|cny|usd|eur|gbp)\s*/i, '').replace(/[\s¥￥$€£元]/g, '');
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren !== null) {
    sign = -1;
    t = paren[1] ?? '';
  }
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^[-+]?\d+,\d{1,2}$/.test(t)) t = t.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? sign * n : null;
}

/** A 0–10 score cell: "9", "9.5", or a number followed by a label ("10 - Extremely likely"). */
function parseScore(text: string): number | null {
  const direct = parseNumber(text);
  if (direct !== null) return direct;
  const m = /^(\d{1,2}(?:\.\d+)?)\s*(?:[-–—:：(（(]|分)/.exec(text);
  return m === null ? null : Number(m[1]);
}

function activityKindOf(text: string): ActivityKind | null {
  const t = text.trim().toLowerCase();
  if ((activityKinds as readonly string[]).includes(t)) return t as ActivityKind;
  return KIND_ALIASES[t] ?? null;
}

/** Money adds up in floats; four decimals keep sums exact enough without cent-rounding prices like 0.001. */
function roundMoney(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Checks that the fields a mode needs are mapped; fatal otherwise, naming the missing field. */
export function requireFields(mode: TableMode, mapping: ResolvedMapping, fileName: string, headerLine: number): void {
  const person = mapping.member !== undefined || mapping.email !== undefined || mapping.phone !== undefined;
  const need = (field: TableField, ok: boolean, what: string): void => {
    if (ok) return;
    throw importError(
      fileName,
      `map.${field}`,
      `no column for ${field} (${what}); map one, by header or by column number`,
      headerLine === 0 ? undefined : headerLine,
    );
  };
  if (mode === 'orders') {
    need('member', person, 'the customer id, email or phone');
    need('date', mapping.date !== undefined, 'when the order was placed');
    need('amount', mapping.amount !== undefined, 'the order value');
  } else if (mode === 'surveys') {
    need('date', mapping.date !== undefined, 'when the response was submitted');
  } else if (mode === 'activities') {
    need('member', person, 'who did it');
    need('date', mapping.date !== undefined, 'when it happened');
  } else {
    need('member', person, 'the person\'s id, email or phone');
  }
}

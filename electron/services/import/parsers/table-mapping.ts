/**
 * Which column holds what: Hearth's table fields, a guess from header text (English and
 * Chinese), the user's mapping resolved to column positions, and what kind of records a table
 * turns into.
 */
import { tableFields, type TableField } from '../../../../shared/import';
import { importError } from '../errors';

export { tableFields, type TableField };

/**
 * Hearth field → column. A column is a header text, a 1-based column number ('1', '2'…), or a
 * product of two columns ('UnitPrice*Quantity') for amounts.
 */
export type TableMapping = Partial<Record<TableField, string>>;

/** What a table becomes. */
export type TableMode = 'orders' | 'surveys' | 'activities' | 'members';

/** A mapped column resolved to 0-based positions; several positions multiply (price × quantity). */
export interface ColumnRef {
  /** The header text (or "column 3"), used in problems. */
  label: string;
  indexes: number[];
}
export type ResolvedMapping = Partial<Record<TableField, ColumnRef>>;

/** Lower-case, without spaces, punctuation and separators: "Customer ID" → "customerid". */
function norm(header: string): string {
  return header
    .toLowerCase()
    .replace(/[\s_\-.:：#()（）[\]【】/\\'"`?？*]+/g, '');
}

interface FieldRule {
  exact: string[];
  contains?: RegExp;
  /** Headers that match `contains` but mean something else. */
  not?: RegExp;
}

// Order matters twice: fields earlier in this object pick first, and earlier aliases win.
const RULES: Record<Exclude<TableField, 'id'>, FieldRule> = {
  order: {
    exact: ['orderid', 'orderno', 'ordernumber', 'order', 'invoiceno', 'invoice', 'invoiceid', 'invoicenumber', 'transactionid', 'orderidentifier', '订单号', '订单编号', '订单id', '交易号', '交易单号', '流水号', '单号'],
    contains: /(order(id|no|number))|invoice(no|id|number)?$|订单(号|编号|id)/,
  },
  member: {
    exact: ['memberid', 'customerid', 'userid', 'clientid', 'masterid', 'buyerid', 'contactid', 'respondentid', 'uid', 'openid', 'unionid', 'customer', 'member', 'user', 'customerno', 'customernumber', 'membernumber', '会员id', '用户id', '客户id', '买家id', '会员编号', '用户编号', '客户编号', '会员卡号', '会员号', '客户号', '买家会员名', '买家账号', '会员'],
    contains: /(customer|member|user|client|buyer)(id|no|number|code)|(会员|用户|客户|买家)(id|编号|卡号|号)/,
  },
  date: {
    exact: ['date', 'datetime', 'timestamp', 'time', 'ts', 'createdat', 'created', 'createtime', 'orderdate', 'invoicedate', 'purchasedate', 'transactiondate', 'paidat', 'paytime', 'paymenttime', 'submittedat', 'submitdate', 'submittime', 'eventtime', '日期', '时间', '下单时间', '创建时间', '支付时间', '付款时间', '订单创建时间', '订单付款时间', '提交时间', '提交答卷时间', '答题时间', '交易时间', '时间戳', '成交时间', '消费时间', '签到时间', '发布时间', '注册时间', 'joined', 'joinedat', 'joindate', 'registered', 'registeredat', 'signupdate', '加入时间', '入群时间'],
    contains: /date|time|日期|时间/,
    not: /所用时间|用时|duration|timezone|times$|lastseen/,
  },
  amount: {
    exact: ['amount', 'sales', 'total', 'totalamount', 'revenue', 'dollarvalue', 'ordertotal', 'orderamount', 'payment', 'paidamount', 'spend', '金额', '实付金额', '订单金额', '支付金额', '实收金额', '销售额', '总金额', '付款金额', '买家实际支付金额', '实际支付金额', '应付金额', '消费金额', '总价', '成交金额'],
    contains: /amount|revenue|sales|金额|销售额/,
  },
  quantity: {
    exact: ['quantity', 'qty', 'cds', 'numberofcds', 'items', 'units', 'count', 'pieces', '数量', '件数', '购买数量', '商品数量', '宝贝总数量', '商品件数'],
    contains: /quantity|qty|数量/,
  },
  score: {
    exact: ['score', 'nps', 'npsscore', 'rating', 'recommend', 'likelihoodtorecommend', '评分', '推荐', '推荐度', '推荐意愿', '打分', '净推荐值'],
    contains: /recommend|\bnps|推荐|评分|打分/,
  },
  email: {
    exact: ['email', 'emailaddress', 'mail', 'e-mail', '邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址'],
    contains: /email|邮箱/,
  },
  phone: {
    exact: ['phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'mobilephone', 'cellphone', 'cell', '手机', '手机号', '手机号码', '电话', '联系电话', '联系手机', '收货人手机'],
    contains: /phone|mobile|手机|电话/,
  },
  handle: {
    exact: ['username', 'handle', 'screenname', 'login', 'wechatid', 'wechat', '用户名', '账号', '微信号'],
  },
  name: {
    exact: ['name', 'fullname', 'customername', 'membername', 'displayname', 'contactname', 'buyername', 'nickname', '姓名', '昵称', '名字', '客户名称', '客户姓名', '会员名称', '会员姓名', '收货人', '收货人姓名', '联系人'],
    contains: /(^|first|last|full|customer|member|display)name$|姓名/,
    not: /username|filename|productname|itemname|storename|shopname/,
  },
  status: {
    exact: ['status', 'orderstatus', 'state', 'paymentstatus', '状态', '订单状态', '交易状态', '支付状态'],
    contains: /status|状态/,
  },
  channel: {
    exact: ['channel', 'source', 'group', 'platform', 'community', 'forum', '渠道', '频道', '来源', '群', '群名', '群名称', '社群', '平台'],
  },
  kind: {
    exact: ['kind', 'type', 'activitytype', 'eventtype', 'action', '类型', '活动类型', '行为', '行为类型', '互动类型'],
  },
  text: {
    exact: ['text', 'content', 'message', 'comment', 'body', 'post', '内容', '消息', '评论', '留言', '消息内容', '评论内容'],
  },
};

const ID_ALIASES = ['id', 'rowid', 'recordid', 'responseid', 'entryid', '序号', '编号', 'no'];
const UNIT_PRICE = ['unitprice', 'price', 'itemprice', '单价', '价格', '商品单价', '售价'];

/**
 * Guesses which column holds which field from header text, in English and Chinese. Each column
 * is used once; exact names win over partial ones. When there is no amount column but a unit
 * price and a quantity are present (UCI Online Retail), amount becomes 'UnitPrice*Quantity'.
 *
 * @example
 * guessMapping(['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'])
 * // { order: 'InvoiceNo', member: 'CustomerID', date: 'InvoiceDate', quantity: 'Quantity', amount: 'UnitPrice*Quantity' }
 * guessMapping(['会员ID', '下单时间', '实付金额']) // { member: '会员ID', date: '下单时间', amount: '实付金额' }
 */
export function guessMapping(headers: readonly string[]): TableMapping {
  const normalised = headers.map(norm);
  const used = new Set<number>();
  const mapping: TableMapping = {};
  const take = (field: TableField, index: number): void => {
    mapping[field] = headers[index] ?? '';
    used.add(index);
  };
  const fields = Object.keys(RULES) as (keyof typeof RULES)[];
  // Exact names first across all fields, so a partial match never steals a column another field
  // names exactly ("Order Date" must not become the order id).
  for (const field of fields) {
    const rule = RULES[field];
    for (const alias of rule.exact) {
      const i = normalised.findIndex((h, j) => !used.has(j) && h === norm(alias));
      if (i !== -1) {
        take(field, i);
        break;
      }
    }
  }
  for (const field of fields) {
    const rule = RULES[field];
    if (mapping[field] !== undefined || rule.contains === undefined) continue;
    const contains = rule.contains;
    // Long headers are questions ("What amount would you pay?"), not field names; only the
    // recommend question is looked for inside them.
    const maxLength = field === 'score' ? Infinity : 24;
    const i = normalised.findIndex(
      (h, j) => !used.has(j) && h !== '' && h.length <= maxLength && contains.test(h) && !(rule.not?.test(h) ?? false),
    );
    if (i !== -1) take(field, i);
  }
  const idIndex = normalised.findIndex((h, j) => !used.has(j) && ID_ALIASES.includes(h));
  if (idIndex !== -1) {
    // A bare "ID" next to name/email columns is the person's id; elsewhere it numbers the rows.
    const personal = mapping.member === undefined && (mapping.name !== undefined || mapping.email !== undefined || mapping.phone !== undefined);
    take(personal ? 'member' : 'id', idIndex);
  }
  if (mapping.amount === undefined) {
    const price = normalised.findIndex((h, j) => !used.has(j) && UNIT_PRICE.includes(h));
    if (price !== -1) {
      const priceHeader = headers[price] ?? '';
      mapping.amount = mapping.quantity === undefined ? priceHeader : `${priceHeader}*${mapping.quantity}`;
      used.add(price);
    }
  }
  return mapping;
}

/**
 * True when headers look like a form export: a submission-time first column and question-like
 * headers (long, or ending in a question mark). Google Forms, 问卷星 and Typeform all look so.
 *
 * @example
 * looksLikeSurvey(['Timestamp', 'How did you hear about us?', 'What should we improve?']) // true
 */
export function looksLikeSurvey(headers: readonly string[]): boolean {
  const first = norm(headers[0] ?? '');
  const submitted = /^(timestamp|submittedat|submitdate|提交答卷时间|提交时间|时间戳|序号|respondentid|responseid|#)$/.test(first) || /^(提交答卷时间|submitted)/.test(first);
  const questions = headers.filter((h) => h.trim().length > 25 || /[?？]\s*$/.test(h) || /^(q\d+|\d+[、.．])/i.test(h.trim())).length;
  return submitted && questions >= 2;
}

/**
 * What a generic table becomes: an amount makes orders; a 0–10 score or a form-shaped header
 * makes survey responses; a kind or text column makes activities; otherwise it is a member list.
 *
 * @example
 * chooseTableMode({ member: 'uid', text: '内容', date: '时间' }, []) // 'activities'
 */
export function chooseTableMode(mapping: TableMapping, headers: readonly string[]): TableMode {
  if (mapping.amount !== undefined) return 'orders';
  if (mapping.score !== undefined || looksLikeSurvey(headers)) return 'surveys';
  if (mapping.kind !== undefined || mapping.text !== undefined) return 'activities';
  return 'members';
}

/** True when every mapped column is a 1-based number, i.e. the table may have no header row. */
export function isPositionalMapping(map: Record<string, string>): boolean {
  const values = Object.values(map);
  return values.length > 0 && values.every((v) => v.split('*').every((part) => /^\s*\d+\s*$/.test(part)));
}

/**
 * Resolves a mapping to column positions. `headers` is null when the table has no header row,
 * in which case only column numbers work. Unknown fields and missing columns are fatal, naming
 * the mapping entry.
 *
 * @example
 * resolveMapping({ member: '1', amount: 'Price*Qty' }, ['id', 'Qty', 'Price'], 'a.csv', 1)
 * // { member: { label: 'id', indexes: [0] }, amount: { label: 'Price*Qty', indexes: [2, 1] } }
 */
export function resolveMapping(
  map: Record<string, string>,
  headers: readonly string[] | null,
  fileName: string,
  headerLine: number,
): ResolvedMapping {
  const resolved: ResolvedMapping = {};
  const normalised = headers?.map((h) => h.trim().toLowerCase()) ?? null;
  for (const [rawField, rawColumn] of Object.entries(map)) {
    const field = rawField === 'ts' ? 'date' : rawField;
    if (!(tableFields as readonly string[]).includes(field)) {
      throw importError(fileName, `map.${rawField}`, `unknown field; use one of ${tableFields.join(', ')}`);
    }
    const column = rawColumn.trim();
    if (column === '') continue;
    const find = (name: string): number => {
      const exact = headers?.indexOf(name) ?? -1;
      if (exact !== -1) return exact;
      const loose = normalised?.indexOf(name.trim().toLowerCase()) ?? -1;
      if (loose !== -1) return loose;
      if (/^\d+$/.test(name.trim())) {
        const n = Number(name.trim());
        if (n >= 1) return n - 1;
      }
      throw importError(
        fileName,
        `map.${rawField}`,
        headers === null ? `"${name}" is not a column number (the file has no header row)` : `no column "${name}" in the header`,
        headerLine,
      );
    };
    const whole = headers?.indexOf(column) ?? -1;
    const parts = whole === -1 && column.includes('*') ? column.split('*').map((p) => p.trim()) : [column];
    const indexes = parts.map(find);
    const label = indexes.length === 1 ? labelOf(headers, indexes[0] ?? 0) : column;
    resolved[field as TableField] = { label, indexes };
  }
  return resolved;
}

function labelOf(headers: readonly string[] | null, index: number): string {
  const h = headers?.[index]?.trim();
  return h === undefined || h === '' ? `column ${index + 1}` : h;
}

/**
 * Churn risk and CLV: BG/NBD over each member's repeat-event days (paid orders, or activity days
 * when the workspace has no orders), Gamma-Gamma over repeat order spend.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { eventDays, hasOrders, memberOrderStats, type EventDays, type MemberOrderStats } from '../../../db/queries/member-stats';
import { expectedEvents, fitBgnbd, pAlive, type BgnbdParams, type RepeatHistory } from '../../../shared/members/bgnbd';
import { clv } from '../../../shared/members/clv';
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from '../../../shared/members/gamma-gamma';

export interface ChurnOptions {
  asOfDay: number;
  unit: 'day' | 'week';
  source: 'auto' | 'orders' | 'activity';
  /** How far ahead "expected" and CLV look, in `unit`s. */
  horizon: number;
}

export interface ChurnMember {
  memberId: number;
  frequency: number;
  recency: number;
  T: number;
  pAlive: number;
  expected: number;
  clv: number | null;
}

export interface ChurnResult {
  source: 'orders' | 'activity';
  unit: 'day' | 'week';
  horizon: number;
  model: (BgnbdParams & { logLik: number; n: number; converged: boolean }) | null;
  spend: (GammaGammaParams & { n: number }) | null;
  members: ChurnMember[];
}

/**
 * Below this many members (or repeaters) a maximum-likelihood fit has nothing to hold on to and
 * wanders to extreme parameters; the scores would be noise, so none are given.
 */
export const MIN_FIT_MEMBERS = 30;
const MIN_FIT_REPEATERS = 5;

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/**
 * Fits the models on every member's history up to the as-of day and scores each member.
 * Frequency counts repeat days with an event; recency and T run from the first event to the
 * last event and to the as-of day, in the chosen unit (`known`: the same day's order statistics and
 * activity days when the caller already read them, saving a second pass). With fewer than MIN_FIT_MEMBERS members
 * (or hardly any repeaters) there is no model and no member scores.
 *
 * @example
 * fitChurn(sqlite, { asOfDay: dayNumber(1997, 9, 30), unit: 'week', source: 'orders', horizon: 52 }).model
 * // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLik: -9582.4, n: 2357, … }
 */
export function fitChurn(
  sqlite: BetterSqlite3.Database,
  options: ChurnOptions,
  known?: { orders: readonly MemberOrderStats[]; activity?: readonly EventDays[] },
): ChurnResult {
  const source = options.source === 'auto' ? (hasOrders(sqlite) ? 'orders' : 'activity') : options.source;
  const per = options.unit === 'week' ? 7 : 1;
  const days: readonly EventDays[] = !known
    ? eventDays(sqlite, source, options.asOfDay)
    : source === 'activity'
      ? (known.activity ?? eventDays(sqlite, source, options.asOfDay))
      : known.orders.map((o) => ({ memberId: o.memberId, firstDay: o.firstDay, lastDay: o.lastDay, days: o.orderDays }));
  const histories: RepeatHistory[] = days.map((d) => ({
    x: d.days - 1,
    tx: (d.lastDay - d.firstDay) / per,
    T: (options.asOfDay - d.firstDay) / per,
  }));
  if (histories.length < MIN_FIT_MEMBERS || histories.filter((h) => h.x > 0).length < MIN_FIT_REPEATERS) {
    return { source, unit: options.unit, horizon: options.horizon, model: null, spend: null, members: [] };
  }
  const fit = fitBgnbd(histories);

  let spendParams: GammaGammaParams | null = null;
  let spendN = 0;
  const meanSpend = new Map<number, { x: number; mx: number }>();
  if (source === 'orders') {
    for (const s of known?.orders ?? memberOrderStats(sqlite, options.asOfDay)) {
      const x = s.orderDays - 1;
      if (x > 0) meanSpend.set(s.memberId, { x, mx: (s.amount - s.firstDayAmount) / x });
    }
    const rows = [...meanSpend.values()].filter((r) => r.mx > 0);
    if (rows.length >= 3) {
      const spendFit = fitGammaGamma(rows);
      spendParams = spendFit.params;
      spendN = spendFit.n;
    }
  }

  const members = days.map((d, i): ChurnMember => {
    const history = histories[i] as RepeatHistory;
    const alive = pAlive(fit.params, history);
    const expected = expectedEvents(fit.params, options.horizon, history);
    let value: number | null = null;
    const spending = meanSpend.get(d.memberId) ?? { x: 0, mx: 0 };
    // With q ≤ 1 the spend model has no finite mean for a member without repeat spend: no CLV.
    if (spendParams && spendParams.p * spending.x + spendParams.q > 1) value = clv(expected, expectedSpend(spendParams, spending));
    return {
      memberId: d.memberId,
      frequency: history.x,
      recency: round(history.tx, 4),
      T: round(history.T, 4),
      pAlive: round(alive, 6),
      expected: round(expected, 6),
      clv: value === null ? null : round(value, 2),
    };
  });
  return {
    source,
    unit: options.unit,
    horizon: options.horizon,
    model: { ...fit.params, logLik: fit.logLik, n: fit.n, converged: fit.converged },
    spend: spendParams ? { ...spendParams, n: spendN } : null,
    members,
  };
}

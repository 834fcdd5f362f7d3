/**
 * Monitoring over imported messages, offline: one pass over the period's message texts runs the
 * sensitive-word automaton, the sentiment scorer and the complaint cues; volume swings come from
 * the daily rollups and churn risk from the member scores. Each enabled rule turns what was
 * measured into alerts with evidence (the matching messages and members), stored so a re-scan of
 * the same days updates rather than duplicates them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  listAlertRules,
  playbookIdByKey,
  readPlaybook,
  riskHistory,
  upsertAlert,
  writeRiskDay,
  writeSentimentDays,
  type AlertFinding,
} from '../../../db/queries/crisis';
import { readMemberRules } from '../../../db/queries/member-rules';
import { readSensitiveWords } from '../../../db/queries/calendar';
import type { AlertEvidence, AlertRule, ScanResult } from '../../../shared/crisis';
import { bursts, negativeShareFlags, riskRise, volumeSwing } from '../../../shared/crisis/anomaly';
import { complaintWords } from '../../../shared/crisis/defaults';
import { SentimentScorer } from '../../../shared/crisis/sentiment';
import { traditionalFold } from '../../../shared/crisis/variants';
import { isoToDay } from '../../../shared/kpi/period';
import { LexiconMatcher } from '../../../shared/lexicon';
import { dayToIso, startOfDayUtc } from '../../../shared/time';

const EVIDENCE_LIMIT = 50;
const BASELINE_DAYS = 28;
const NO_CHANNEL = '(no channel)';
/** Periods longer than this are read in storage order rather than through the time index. */
const LONG_SCAN_DAYS = 60;

type MessageRow = [id: number, memberId: number | null, channel: string | null, ts: number, day: number, text: string];

interface Evidence {
  activityId: number;
  memberId: number | null;
  channel: string | null;
  ts: number;
  text: string;
  words: string[];
}

/**
 * Keeps the `limit` latest items by time from rows arriving in any order (the scan reads in
 * whatever order SQLite finds fastest): evidence should show what is happening now.
 */
class Latest {
  private items: Evidence[] = [];
  constructor(private readonly limit: number) {}
  push(item: Evidence): void {
    this.items.push(item);
    if (this.items.length > this.limit * 4) this.trim();
  }
  private trim(): void {
    this.items.sort((a, b) => b.ts - a.ts);
    this.items.length = Math.min(this.items.length, this.limit);
  }
  latest(): Evidence[] {
    this.trim();
    return this.items;
  }
}

interface ChannelDay {
  messages: number;
  negative: number;
  evidence: Latest;
}

/** A finding before the evidence gets its members' names. */
type Finding = Omit<AlertFinding, 'evidence'> & { evidence: Evidence[] };

/** What one pass over the messages measured. */
interface Measured {
  messages: number;
  byChannelDay: Map<string, Map<number, ChannelDay>>;
  sensitive: { count: number; categories: Map<string, number>; evidence: Latest };
  /** Per channel, the time and id of every complaint (texts are fetched again for the evidence). */
  complaints: Map<string, { ts: number[]; ids: number[] }>;
}

export interface ScanOptions {
  from: string;
  to: string;
  timeZone: string;
  now: number;
  /** The workspace's local date now. */
  today: string;
  /** Called every few hundred thousand messages, for progress and benchmarks. */
  onProgress?: (messages: number) => void;
}

function measure(sqlite: BetterSqlite3.Database, options: ScanOptions): Measured {
  const fromDay = isoToDay(options.from);
  const toDay = isoToDay(options.to);
  const words = readSensitiveWords(sqlite);
  const matcher = words.length > 0 ? new LexiconMatcher(words, { fold: traditionalFold }) : null;
  const complaintMatcher = new LexiconMatcher(
    complaintWords.map((word) => ({ word, category: 'complaint' })),
    { fold: traditionalFold },
  );
  const scorer = new SentimentScorer();
  const measured: Measured = {
    messages: 0,
    byChannelDay: new Map(),
    sensitive: { count: 0, categories: new Map(), evidence: new Latest(EVIDENCE_LIMIT) },
    complaints: new Map(),
  };
  // A long period reads most of the table: one pass in storage order beats a walk of the time
  // index, which visits the rows in time order all over the file.
  const whole = toDay - fromDay > LONG_SCAN_DAYS ? 'NOT INDEXED' : '';
  const statement = sqlite
    .prepare<[number, number], MessageRow>(
      `SELECT id, member_id, channel, ts, day, text FROM activity ${whole}
       WHERE ts >= ? AND ts < ? AND text IS NOT NULL AND text <> ''`,
    )
    .raw(true);
  for (const [id, memberId, channel, ts, day, text] of statement.iterate(
    startOfDayUtc(fromDay, options.timeZone),
    startOfDayUtc(toDay + 1, options.timeZone),
  )) {
    measured.messages += 1;
    if (options.onProgress && measured.messages % 250_000 === 0) options.onProgress(measured.messages);
    const key = channel || NO_CHANNEL;
    let days = measured.byChannelDay.get(key);
    if (!days) measured.byChannelDay.set(key, (days = new Map()));
    let cell = days.get(day);
    if (!cell) days.set(day, (cell = { messages: 0, negative: 0, evidence: new Latest(EVIDENCE_LIMIT) }));
    cell.messages += 1;

    // The allocation-free test first; the cues (for highlighting) only for the few negatives.
    const negative = scorer.isNegative(text);
    if (negative) {
      cell.negative += 1;
      cell.evidence.push({ activityId: id, memberId, channel, ts, text, words: scorer.score(text).cues });
    }
    if (matcher) {
      const hits = matcher.find(text);
      if (hits.length > 0) {
        measured.sensitive.count += 1;
        for (const category of new Set(hits.map((h) => h.category))) {
          measured.sensitive.categories.set(category, (measured.sensitive.categories.get(category) ?? 0) + 1);
        }
        measured.sensitive.evidence.push({
          activityId: id,
          memberId,
          channel,
          ts,
          text,
          words: [...new Set(hits.map((h) => h.word))],
        });
      }
    }
    if (negative || complaintMatcher.test(text)) {
      let complaints = measured.complaints.get(key);
      if (!complaints) measured.complaints.set(key, (complaints = { ts: [], ids: [] }));
      complaints.ts.push(ts);
      complaints.ids.push(id);
    }
  }
  return measured;
}

function dailyVolumes(
  sqlite: BetterSqlite3.Database,
  fromDay: number,
  toDay: number,
): Map<string, Map<number, number>> {
  const rows = sqlite
    .prepare<[number, number], { day: number; channel: string | null; events: number }>(
      'SELECT day, channel, sum(events) AS events FROM activity_daily WHERE day BETWEEN ? AND ? GROUP BY day, channel',
    )
    .all(fromDay, toDay);
  const byChannel = new Map<string, Map<number, number>>([['*', new Map()]]);
  for (const r of rows) {
    for (const key of ['*', r.channel || NO_CHANNEL]) {
      let days = byChannel.get(key);
      if (!days) byChannel.set(key, (days = new Map()));
      days.set(r.day, (days.get(r.day) ?? 0) + r.events);
    }
  }
  return byChannel;
}

const series = (days: Map<number, number> | undefined, from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => days?.get(from + i) ?? 0);

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Evidence rows for activity ids, newest first, with the sentiment cues found in each. */
function evidenceFor(sqlite: BetterSqlite3.Database, ids: readonly number[]): Evidence[] {
  const scorer = new SentimentScorer();
  const row = sqlite.prepare<[number], { memberId: number | null; channel: string | null; ts: number; text: string }>(
    'SELECT member_id AS memberId, channel, ts, text FROM activity WHERE id = ?',
  );
  return ids
    .flatMap((id) => {
      const r = row.get(id);
      return r ? [{ activityId: id, ...r, words: scorer.score(r.text).cues }] : [];
    })
    .sort((a, b) => b.ts - a.ts);
}

/** Findings of one rule from the measurements. */
function findingsFor(rule: AlertRule, m: Measured, sqlite: BetterSqlite3.Database, options: ScanOptions): Finding[] {
  const base = {
    ruleId: rule.id,
    name: rule.name,
    colour: rule.colour,
    level: rule.level,
    from: options.from,
    to: options.to,
  };
  const scope = (channel: string | null) => `${channel ?? '*'}|${options.from}|${options.to}`;
  const p = rule.params;
  const fromDay = isoToDay(options.from);
  const toDay = isoToDay(options.to);
  switch (rule.kind) {
    case 'sensitive_words': {
      if (m.sensitive.count < p.minMatches) return [];
      const categories = [...m.sensitive.categories].map(([c, n]) => `${c} ${n}`).join(', ');
      return [
        {
          ...base,
          scopeKey: scope(null),
          channel: null,
          count: m.sensitive.count,
          value: m.sensitive.count,
          baseline: null,
          detail: `${m.sensitive.count} messages with sensitive words (${categories})`,
          evidence: m.sensitive.evidence.latest(),
        },
      ];
    }
    case 'negative_share': {
      const found: Finding[] = [];
      for (const [channel, days] of m.byChannelDay) {
        const flagged = negativeShareFlags(
          [...days].map(([day, c]) => ({ key: String(day), messages: c.messages, negative: c.negative })),
          p.negativeShare,
          p.minMessages,
        );
        if (flagged.length === 0) continue;
        const worst = flagged.reduce((a, b) => (b.share > a.share ? b : a));
        const cells = flagged.map((f) => days.get(Number(f.key)) as ChannelDay);
        const negative = cells.reduce((n, c) => n + c.negative, 0);
        found.push({
          ...base,
          scopeKey: scope(channel),
          channel: channel === NO_CHANNEL ? null : channel,
          count: negative,
          value: worst.share,
          baseline: p.negativeShare,
          detail: `Negative messages reached ${pct(worst.share)} on ${dayToIso(Number(worst.key))} in ${channel} (threshold ${pct(p.negativeShare)}), ${flagged.length} day(s)`,
          evidence: cells
            .flatMap((c) => c.evidence.latest())
            .sort((a, b) => b.ts - a.ts)
            .slice(0, EVIDENCE_LIMIT),
        });
      }
      return found;
    }
    case 'volume_swing': {
      const today = isoToDay(options.today);
      // Today is not over: judging its partial count would cry "drop" every morning.
      const lastFull = toDay >= today && fromDay < today ? today - 1 : toDay;
      const volumes = dailyVolumes(sqlite, fromDay - BASELINE_DAYS, lastFull);
      const found: Finding[] = [];
      for (const [channel, days] of volumes) {
        const swing = volumeSwing(
          series(days, fromDay - BASELINE_DAYS, fromDay - 1),
          series(days, fromDay, lastFull),
          p.swing,
          p.minMessages,
        );
        if (!swing.flagged || swing.change === null) continue;
        const where = channel === '*' ? 'all channels' : channel;
        found.push({
          ...base,
          scopeKey: scope(channel === '*' ? null : channel),
          channel: channel === '*' || channel === NO_CHANNEL ? null : channel,
          count: Math.round((swing.currentMean ?? 0) * (lastFull - fromDay + 1)),
          value: swing.change,
          baseline: swing.baselineMean,
          detail: `Daily activity in ${where} ${swing.change > 0 ? 'rose' : 'fell'} ${pct(Math.abs(swing.change))} against the previous ${BASELINE_DAYS} days (${(swing.currentMean ?? 0).toFixed(1)} vs ${(swing.baselineMean ?? 0).toFixed(1)} a day)`,
          evidence: [],
        });
      }
      return found;
    }
    case 'complaint_burst': {
      const found: Finding[] = [];
      for (const [channel, complaints] of m.complaints) {
        const order = complaints.ts.map((_, i) => i).sort((a, b) => (complaints.ts[a] ?? 0) - (complaints.ts[b] ?? 0));
        const times = order.map((i) => complaints.ts[i] ?? 0);
        const windows = bursts(times, p.windowMinutes * 60_000, p.burstCount);
        if (windows.length === 0) continue;
        const worst = windows.reduce((a, b) => (b.count > a.count ? b : a));
        const ids = order
          .slice(Math.max(worst.firstIndex, worst.lastIndex + 1 - EVIDENCE_LIMIT), worst.lastIndex + 1)
          .map((i) => complaints.ids[i] ?? 0);
        found.push({
          ...base,
          scopeKey: scope(channel),
          channel: channel === NO_CHANNEL ? null : channel,
          count: worst.count,
          value: worst.count,
          baseline: p.burstCount,
          detail: `${worst.count} complaints in ${channel} within ${p.windowMinutes} minutes (${windows.length} burst(s); threshold ${p.burstCount})`,
          evidence: evidenceFor(sqlite, ids),
        });
      }
      return found;
    }
    case 'churn_risk_rise': {
      const threshold = readMemberRules(sqlite).churn.riskThreshold;
      const counts = sqlite
        .prepare<[number], { atRisk: number; members: number }>(
          'SELECT count(*) FILTER (WHERE churn_risk >= ?) AS atRisk, count(*) AS members FROM member_score',
        )
        .get(threshold) ?? { atRisk: 0, members: 0 };
      if (counts.members === 0) return [];
      const day = toDay;
      const history = riskHistory(sqlite).filter((h) => h.day < day);
      writeRiskDay(sqlite, day, counts.atRisk, counts.members);
      const share = counts.atRisk / counts.members;
      const rise = riskRise(history, { day, share }, 7, p.riskRisePoints);
      if (!rise.flagged || rise.baseline === null) return [];
      return [
        {
          ...base,
          scopeKey: scope(null),
          channel: null,
          count: counts.atRisk,
          value: share,
          baseline: rise.baseline,
          detail: `Members at churn risk rose to ${pct(share)} from ${pct(rise.baseline)} a week earlier (${counts.atRisk} of ${counts.members})`,
          evidence: [],
        },
      ];
    }
  }
}

/** Resolves a rule's suggested playbook (a shipped key or an id) to an existing playbook id. */
export function suggestedPlaybook(sqlite: BetterSqlite3.Database, playbook: string | number | null): number | null {
  if (playbook === null) return null;
  if (typeof playbook === 'number' || /^\d+$/.test(playbook)) return readPlaybook(sqlite, Number(playbook))?.id ?? null;
  return playbookIdByKey(sqlite, playbook) ?? null;
}

/** Member names for the evidence, looked up once per scan. */
function withNames(sqlite: BetterSqlite3.Database, evidence: readonly Evidence[]): AlertEvidence[] {
  const name = sqlite.prepare<[number], { name: string }>('SELECT display_name AS name FROM member WHERE id = ?');
  return evidence.map((e) => ({ ...e, memberName: e.memberId === null ? null : (name.get(e.memberId)?.name ?? null) }));
}

/**
 * Scans the local dates [from, to] with every enabled rule, stores the alerts and the day's
 * sentiment counts, and returns what this scan raised.
 *
 * @example
 * runScan(sqlite, { from: '2026-11-18', to: '2026-11-24', timeZone: 'Asia/Shanghai', now, today: '2026-11-24' }).alertIds // [3, 4]
 */
export function runScan(
  sqlite: BetterSqlite3.Database,
  options: ScanOptions,
): Omit<ScanResult, 'alerts'> & { alertIds: number[] } {
  const started = performance.now();
  const measured = measure(sqlite, options);
  const ids: number[] = [];
  sqlite.transaction(() => {
    const cells = [...measured.byChannelDay].flatMap(([channel, days]) =>
      [...days].map(([day, c]) => ({ day, channel, messages: c.messages, negative: c.negative })),
    );
    writeSentimentDays(sqlite, isoToDay(options.from), isoToDay(options.to), cells);
    for (const rule of listAlertRules(sqlite)) {
      if (!rule.enabled) continue;
      for (const finding of findingsFor(rule, measured, sqlite, options)) {
        ids.push(upsertAlert(sqlite, { ...finding, evidence: withNames(sqlite, finding.evidence) }, options.now));
      }
    }
    sqlite
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run('crisisLastScanAt', String(options.now));
  })();
  return {
    from: options.from,
    to: options.to,
    messages: measured.messages,
    alertIds: ids,
    elapsedMs: performance.now() - started,
  };
}

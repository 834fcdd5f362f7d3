/**
 * The demo's recurring plan and review history: a daily post, a weekly theme day and a monthly
 * co-creation meetup (a 高价值内容事件), every past occurrence published with their
 * performance, review logs for items in and past review, and a starter sensitive-word list
 * (广告法 absolute claims, rumours, scams) so the review check has something to find.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  insertReview,
  insertSeries,
  listAllItems,
  readCalendarSettings,
  replaceSensitiveWords,
  writeItem,
  type ContentItemRow,
} from '../../../db/queries/calendar';
import type { ContentFields, Recurrence, SensitiveWord } from '../../../shared/calendar';
import { expandOccurrences } from '../../../shared/calendar/recurrence';
import type { SeededRandom } from '../../../shared/random';
import { addDays, type LocalClock } from '../calendar/clock';
import { materialize } from '../calendar/items';

const HOUR = 3_600_000;

export const demoSensitiveWords: readonly SensitiveWord[] = [
  { word: '最便宜', category: '广告法 absolute claim' },
  { word: '第一品牌', category: '广告法 absolute claim' },
  { word: '国家级', category: '广告法 absolute claim' },
  { word: '100%有效', category: '广告法 absolute claim' },
  { word: '内幕', category: 'rumour' },
  { word: '跑路', category: 'rumour' },
  { word: '食品安全问题', category: 'rumour' },
  { word: '免费领取', category: 'scam' },
  { word: '加微信返现', category: 'scam' },
  { word: 'guaranteed cure', category: 'absolute claim' },
  { word: 'free money', category: 'scam' },
];

const template = (title: string, f: Partial<ContentFields>): ContentFields => ({
  title,
  body: '',
  channel: null,
  owner: null,
  campaign: null,
  pillar: null,
  format: null,
  source: null,
  highValue: false,
  attachments: [],
  ...f,
});

interface DemoSeries {
  fields: ContentFields;
  time: string;
  durationMin: number;
  startDaysAgo: number;
  rule: Recurrence;
}

const series: readonly DemoSeries[] = [
  {
    fields: template('早安咖啡 · 每日一图', {
      body: '一张门店或产区照片 + 一句问候，引导群友晒今天的第一杯。',
      channel: '微信群',
      owner: '小岚',
      pillar: 'basic',
      format: 'text',
      source: 'pgc',
    }),
    time: '08:00',
    durationMin: 15,
    startDaysAgo: 35,
    rule: { freq: 'daily', interval: 1, byWeekday: [], byMonthDay: null, byNthWeekday: null, end: { kind: 'never' } },
  },
  {
    fields: template('周三手冲课堂', {
      body: '每周一个冲煮变量：研磨度、水温、注水节奏。直播后剪成短视频。',
      channel: '公众号',
      owner: '阿杰',
      pillar: 'advanced',
      format: 'video',
      source: 'pgc',
      campaign: '手冲课堂',
    }),
    time: '20:00',
    durationMin: 60,
    startDaysAgo: 35,
    rule: {
      freq: 'weekly',
      interval: 1,
      byWeekday: ['WE'],
      byMonthDay: null,
      byNthWeekday: null,
      end: { kind: 'never' },
    },
  },
  {
    fields: template('门店共创会', {
      body: '会员带自己的豆子来杯测，投票选出下月的会员特调。',
      channel: '线下',
      owner: '小岚',
      pillar: 'cocreation',
      format: 'activity',
      source: 'ugc',
      highValue: true,
      campaign: '会员共创',
    }),
    time: '14:00',
    durationMin: 180,
    startDaysAgo: 70,
    rule: {
      freq: 'monthly',
      interval: 1,
      byWeekday: [],
      byMonthDay: null,
      byNthWeekday: { nth: -1, weekday: 'SA' },
      end: { kind: 'count', count: 12 },
    },
  },
];

const reviewers = ['小岚', '阿杰', '法务 陈律师'];

/**
 * Writes the demo's series, past occurrences with performance, review logs and word list (inside
 * the demo's transaction).
 *
 * @example
 * seedDemoCalendar(sqlite, localClock('Asia/Shanghai'), now, random);
 */
export function seedDemoCalendar(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  now: number,
  random: SeededRandom,
): void {
  replaceSensitiveWords(sqlite, demoSensitiveWords);
  const today = clock.toLocal(now).slice(0, 10);
  const steps = readCalendarSettings(sqlite).reviewSteps;

  for (const s of series) {
    const start = `${addDays(today, -s.startDaysAgo)}T${s.time}`;
    const id = insertSeries(
      sqlite,
      {
        fields: s.fields,
        status: 'scheduled',
        startLocal: start,
        durationMin: s.durationMin,
        allDay: false,
        rule: s.rule,
      },
      now - 40 * 24 * HOUR,
    );
    // Every past occurrence went out; each keeps its figures.
    for (const occurrence of expandOccurrences(start, s.rule, addDays(today, -s.startDaysAgo), addDays(today, -1))) {
      const row = materialize(sqlite, clock, { seriesId: id, occurrence }, now);
      const reach = Math.round(
        (s.fields.highValue ? 2500 : s.fields.format === 'video' ? 3800 : 900) * (0.7 + random.next() * 0.6),
      );
      writeItem(
        sqlite,
        { ...row, status: 'published', performance: performanceFor(random, reach, s.fields.highValue) },
        now,
      );
    }
  }

  for (const stored of listAllItems(sqlite)) {
    if (stored.seriesId !== null) continue;
    let row = stored;
    if (row.status === 'in_review' && row.reviewStep === 0) {
      row = { ...row, reviewStep: random.int(1, steps.length) };
      writeItem(sqlite, row, now);
    }
    if (row.status === 'published') {
      writeItem(
        sqlite,
        { ...row, performance: performanceFor(random, Math.round(600 + random.next() * 6000), false) },
        now,
      );
    }
    recordReviews(sqlite, row, steps, random);
  }
}

function performanceFor(random: SeededRandom, reach: number, event: boolean): ContentItemRow['performance'] {
  return {
    reach,
    likes: Math.round(reach * (0.04 + random.next() * 0.05)),
    comments: Math.round(reach * (0.005 + random.next() * 0.015)),
    shares: Math.round(reach * (0.004 + random.next() * 0.01)),
    conversions: Math.round(reach * (0.002 + random.next() * 0.006)),
    participants: event ? Math.round(900 + random.next() * 500) : null,
  };
}

/** A believable review history for an item's status: submitted, then approved step by step. */
function recordReviews(
  sqlite: BetterSqlite3.Database,
  row: ContentItemRow,
  steps: readonly string[],
  random: SeededRandom,
): void {
  const approvedSteps =
    row.status === 'in_review'
      ? row.reviewStep - 1
      : ['approved', 'scheduled', 'published'].includes(row.status)
        ? steps.length
        : -1;
  if (approvedSteps < 0 || row.scheduledAt === null) return;
  let at = row.scheduledAt - (4 + random.int(0, 3)) * 24 * HOUR;
  insertReview(sqlite, row.id, {
    action: 'submit',
    step: 0,
    stepName: null,
    reviewer: row.fields.owner ?? '小岚',
    comment: '',
    acknowledged: [],
    at,
  });
  for (let step = 1; step <= approvedSteps; step += 1) {
    at += random.int(2, 20) * HOUR;
    insertReview(sqlite, row.id, {
      action: 'approve',
      step,
      stepName: steps[step - 1] ?? null,
      reviewer: reviewers[step - 1] ?? '小岚',
      comment: '',
      acknowledged: [],
      at,
    });
  }
}

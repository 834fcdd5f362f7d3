/**
 * The team's side of the demo: a content plan around `now` (published behind, scheduled and in
 * review ahead) and the one closed incident, a delivery-delay complaint surge, with its timeline.
 */
import type { ContentItemRow, IncidentRow } from '../../../db/queries/demo';
import type { SeededRandom } from '../../../shared/random';
import type { DemoCalendar } from './calendar';
import { contentPlan, seasonalContent } from './vocabulary';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface PlannedItem extends Pick<ContentItemRow, 'title' | 'pillar' | 'format' | 'origin' | 'campaign'> {
  channel: string;
  owner: string;
  /** Days from today. */
  offset: number;
}

/** Content items spread from four weeks ago to four weeks ahead, in the statuses a real plan has. */
export function contentItems(random: SeededRandom, calendar: DemoCalendar): ContentItemRow[] {
  const month = new Date(calendar.lastDay * DAY).getUTCMonth() + 1;
  const seasonal = seasonalContent.find(([months]) => months.includes(month));
  const today = calendar.days - 1;
  const planned: PlannedItem[] = contentPlan.map(([title, pillar, format, origin, channel, owner], i) => {
    // Spread evenly over -28…+28 days with a little jitter, at a publishing hour.
    const offset = Math.round(-28 + (56 * i) / Math.max(1, contentPlan.length - 1)) + random.int(-1, 1);
    return { title, pillar, format, origin, channel, owner, offset, campaign: null };
  });
  // The season's campaign piece goes out in a few days, ahead of its festival.
  if (seasonal) {
    const [, title, campaign] = seasonal;
    planned.push({
      title,
      pillar: 'basic',
      format: 'text',
      origin: 'pgc',
      channel: '公众号',
      owner: '小岚',
      offset: 4,
      campaign,
    });
  }
  return planned.map(({ title, pillar, format, origin, channel, owner, offset, campaign }) => {
    const k = today + offset;
    // dayStart ends the day after today; later days are whole days after that.
    const known = Math.min(k, calendar.days);
    const dayStart = (calendar.dayStart[known] ?? calendar.now) + (k - known) * DAY;
    const scheduledAt = dayStart + random.pick([8, 12, 18, 20]) * HOUR;
    const past = scheduledAt <= calendar.now;
    const status: ContentItemRow['status'] = past
      ? random.chance(0.08)
        ? 'cancelled'
        : 'published'
      : offset <= 7
        ? random.pick(['scheduled', 'approved'] as const)
        : offset <= 16
          ? random.pick(['in_review', 'draft'] as const)
          : random.pick(['draft', 'idea'] as const);
    const createdAt = Math.min(calendar.now - random.int(1, 72) * HOUR, scheduledAt - random.int(5, 21) * DAY);
    return {
      title,
      body: random.chance(0.5) ? `${title}：要点、参考素材与发布话术见附件。` : null,
      channel,
      owner,
      campaign,
      pillar,
      format,
      origin,
      status,
      scheduledAt: status === 'idea' ? null : scheduledAt,
      createdAt,
      updatedAt: Math.min(calendar.now, createdAt + random.int(1, 4) * DAY),
    };
  });
}

export interface IncidentPlan {
  incident: IncidentRow;
  events: { ts: number; kind: string; text: string }[];
}

/** The delivery-delay incident the calendar's complaint surge belongs to. */
export function pastIncident(calendar: DemoCalendar): IncidentPlan {
  const start = calendar.incidentStart;
  const end = calendar.incidentEnd;
  return {
    incident: {
      title: '华东仓发货延迟引发投诉激增',
      scenario: 'delivery_delay',
      colour: 'orange',
      level: 3,
      status: 'closed',
      startedAt: start,
      closedAt: end,
      summary: '华东仓爆仓导致约 1,200 单延迟发货，微信群与小红书负面提及三天内激增；致歉、补券并逐单回访后回落。',
    },
    events: [
      { ts: start, kind: 'detected', text: '监测到配送延迟相关投诉激增：微信群与小红书 2 小时内 46 条负面提及' },
      { ts: start + 40 * 60_000, kind: 'escalated', text: '升级为橙色三级，通知客服主管与物流对接人' },
      {
        ts: start + 3 * HOUR,
        kind: 'statement',
        text: '在各群发布致歉说明：华东仓爆仓导致发货延迟，预计 48 小时内恢复',
      },
      { ts: start + 26 * HOUR, kind: 'action', text: '为受影响订单补发满 99 减 20 优惠券，客服逐一回访' },
      { ts: end - 2 * HOUR, kind: 'resolved', text: '积压订单全部发出，负面提及回落至日常水平' },
      { ts: end, kind: 'review', text: '复盘：增加备用仓，大促前一周提前备货并提前在群内告知' },
    ],
  };
}

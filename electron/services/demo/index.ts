/**
 * The demo workspace: 山岚咖啡's coffee community, 18 months of it, generated from a seed.
 * Same seed, member count and `now` give the same rows, byte for byte; the clock is never read.
 */
import { refreshMemberLabels } from '../../../db/queries/member-labels';
import { writeMemberRules } from '../../../db/queries/member-rules';
import { defaultMemberRules } from '../../../shared/members/rules';
import type { Workspace } from '../../../db/open';
import {
  DemoWriter,
  enlargeCache,
  fillMemberDaily,
  isWorkspaceEmpty,
  storedTimeZone,
  withIndexesRebuilt,
} from '../../../db/queries/demo';
import { writeSettings } from '../../../db/queries/workspace';
import { HearthError } from '../../../shared/errors';
import { SeededRandom, mix32, seedState } from '../../../shared/random';
import { isTimeZone, type WorkspaceCounts, type WorkspaceSettings } from '../../../shared/workspace';
import { DemoCalendar } from './calendar';
import { CommunityGenerator } from './community';
import { contentItems, pastIncident } from './editorial';
import { seedDemoCalendar } from './calendar-plan';
import { localClock } from '../calendar/clock';

export interface GenerateDemoOptions {
  /** How many members to generate (0–10,000,000). Activities come to about ten per member. */
  members: number;
  /** Any integer; the same seed gives the same community. */
  seed: number;
  /** The end of the generated history (UTC ms); nothing happens after it. */
  now: number;
  /** Called every few thousand members and once at the end, with members done and total. */
  onProgress?: (done: number, total: number) => void;
}

/** Rows generated per table, and how long it took. */
export interface DemoSummary extends WorkspaceCounts {
  seconds: number;
}

/** The demo workspace's settings: a Shanghai coffee brand's community. */
export const demoSettings: WorkspaceSettings = {
  name: '山岚咖啡 · 咖啡社群',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  locale: 'zh-CN',
};

export const MAX_DEMO_MEMBERS = 10_000_000;

/** Tables whose secondary indexes are rebuilt after the bulk insert rather than kept up row by row. */
const BULK_TABLES = ['activity', 'activity_mention', 'member_daily', 'identity', 'order', 'survey_response', 'member'] as const;

/** Writes the demo's settings (name, time zone, currency, locale) to `ws`. */
export async function writeDemoSettings(ws: Workspace): Promise<void> {
  await writeSettings(ws.db, demoSettings);
  // The demo operator tuned the tier ladder to their community's pace (a member posts a few
  // times a month), the way a real one edits it in Settings; everything else keeps the defaults.
  const ladder = defaultMemberRules.tiers.ladder.map((tier, i) => ({
    ...tier,
    threshold: [0, 15, 50, 120][i] ?? tier.threshold,
  }));
  writeMemberRules(ws.sqlite, { ...defaultMemberRules, tiers: { ...defaultMemberRules.tiers, ladder } });
}

function validate(options: GenerateDemoOptions): void {
  const { members, seed, now } = options;
  if (!Number.isInteger(members) || members < 0 || members > MAX_DEMO_MEMBERS) {
    throw new HearthError('invalid_argument', `members must be a whole number from 0 to ${MAX_DEMO_MEMBERS}`, {
      members,
    });
  }
  if (!Number.isSafeInteger(seed)) throw new HearthError('invalid_argument', 'seed must be a whole number', { seed });
  if (!Number.isSafeInteger(now) || now <= 0) {
    throw new HearthError('invalid_argument', 'now must be a UTC instant in milliseconds', { now });
  }
}

/** How many members between progress reports: often enough for a smooth bar, rare enough to be free. */
function progressStep(total: number): number {
  return Math.max(500, Math.min(20_000, Math.ceil(total / 200)));
}

/**
 * Fills an empty workspace with the demo community: members and identities, activity, orders,
 * survey responses, the daily rollups, a content plan and one past incident, in one transaction
 * (all or nothing). Days are local days in the workspace's time zone (Asia/Shanghai unless the
 * workspace says otherwise). Synchronous: run it off the UI thread for big member counts.
 */
export function generateDemo(ws: Workspace, options: GenerateDemoOptions): DemoSummary {
  validate(options);
  const started = performance.now();
  const { members, seed, now, onProgress } = options;
  const sqlite = ws.sqlite;
  if (ws.readonly) throw new HearthError('invalid_argument', 'The workspace is open read-only', { file: ws.file });
  if (!isWorkspaceEmpty(sqlite)) {
    throw new HearthError('invalid_argument', 'The demo can only be generated into an empty workspace', {
      file: ws.file,
    });
  }
  const stored = storedTimeZone(sqlite);
  const timeZone = stored !== null && isTimeZone(stored) ? stored : demoSettings.timeZone;

  const calendar = new DemoCalendar(now, timeZone);
  const writer = new DemoWriter(sqlite);
  // Separate streams for the community and the editorial side, so the content plan does not
  // change when the member count does.
  const random = new SeededRandom(seed);
  const editorialRandom = new SeededRandom(mix32(seedState(seed) ^ 0x5eed));
  const community = new CommunityGenerator(random, calendar, writer, seed, now);
  const step = progressStep(members);

  let contentCount = 0;
  const restoreCache = enlargeCache(sqlite, 1024);
  try {
    sqlite.transaction(() => {
      // The demo refuses a workspace with members, so ids continue from the table's current end.
      const firstMemberId =
        (sqlite.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM member').get()?.id ?? 0) + 1;
      withIndexesRebuilt(sqlite, BULK_TABLES, () => {
        for (let i = 0; i < members; i += 1) {
          community.member(i, members);
          if (onProgress && (i + 1) % step === 0 && i + 1 < members) onProgress(i + 1, members);
        }
        community.complaintWave(firstMemberId);
        fillMemberDaily(sqlite);
      });
      refreshMemberLabels(sqlite, null);
      community.writeActivityDaily();
      for (const item of contentItems(editorialRandom, calendar)) {
        writer.contentItem(item);
        contentCount += 1;
      }
      seedDemoCalendar(sqlite, localClock(timeZone), now, editorialRandom);
      contentCount =
        sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM content_item').get()?.n ?? contentCount;
      const { incident, events } = pastIncident(calendar);
      const incidentId = writer.incident(incident);
      for (const event of events) writer.incidentEvent(incidentId, event.ts, event.kind, event.text);
    })();
  } finally {
    restoreCache();
  }
  onProgress?.(members, members);

  return {
    ...community.counts,
    content_item: contentCount,
    incident: 1,
    seconds: (performance.now() - started) / 1000,
  };
}

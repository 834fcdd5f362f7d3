/**
 * The Crisis page's status board: the colour per channel and overall (the worst of the open
 * alerts and of the open incidents that are not drills), open alerts, incidents, the playbook
 * library and the negative-share trend of the last 30 days.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { listAlerts, listPlaybooks, sentimentByDay, type AlertRow } from '../../../db/queries/crisis';
import { worstColour, type Alert, type CrisisBoard, type WarningColour } from '../../../shared/crisis';
import { dayResolver, dayToIso } from '../../../shared/time';
import { incidentBriefs } from './incidents';
import { suggestedPlaybook } from './scan';

/**
 * An alert with its suggested playbook resolved to an id.
 *
 * @example
 * toAlert(sqlite, row).suggestedPlaybookId // 2
 */
export function toAlert(sqlite: BetterSqlite3.Database, row: AlertRow): Alert {
  const { playbook, ...alert } = row;
  return { ...alert, suggestedPlaybookId: suggestedPlaybook(sqlite, playbook) };
}

/**
 * The board.
 *
 * @example
 * crisisBoard(sqlite, { timeZone: 'Asia/Shanghai', now }).overall // 'orange'
 */
export function crisisBoard(sqlite: BetterSqlite3.Database, options: { timeZone: string; now: number }): CrisisBoard {
  const alerts = listAlerts(sqlite, ['open', 'acknowledged']).map((row) => toAlert(sqlite, row));
  const incidents = incidentBriefs(sqlite, options.now);
  const openIncidents = incidents.filter((i) => i.status === 'open');
  let overall: WarningColour = 'green';
  const channels = new Map<string, { colour: WarningColour; alerts: number }>();
  for (const alert of alerts) {
    overall = worstColour(overall, alert.colour);
    if (alert.channel === null) continue;
    const entry = channels.get(alert.channel) ?? { colour: 'green' as WarningColour, alerts: 0 };
    channels.set(alert.channel, { colour: worstColour(entry.colour, alert.colour), alerts: entry.alerts + 1 });
  }
  for (const incident of openIncidents) if (!incident.isDrill) overall = worstColour(overall, incident.colour);
  const today = dayResolver(options.timeZone)(options.now);
  const lastScan = sqlite
    .prepare<[], { value: string }>("SELECT value FROM setting WHERE key = 'crisisLastScanAt'")
    .get();
  return {
    overall,
    channels: [...channels]
      .map(([channel, c]) => ({ channel, ...c }))
      .sort((a, b) => a.channel.localeCompare(b.channel)),
    alerts,
    openIncidents,
    pastIncidents: incidents.filter((i) => i.status === 'closed'),
    playbooks: listPlaybooks(sqlite),
    sentiment: sentimentByDay(sqlite, today - 29, today).map((d) => ({
      day: dayToIso(d.day),
      messages: d.messages,
      negative: d.negative,
    })),
    lastScanAt: lastScan ? Number(lastScan.value) : null,
    now: options.now,
  };
}

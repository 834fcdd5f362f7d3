import fs from 'node:fs';

/** How {@link writeActivityCsv}'s columns map to Hearth's fields. */
export const activityCsvMapping = { member: 'user_id', name: 'name', date: 'date', channel: 'channel', text: 'text' };

/** The same mapping as the CLI's `--map`. */
export const activityCsvMap = Object.entries(activityCsvMapping)
  .map(([field, column]) => `${field}=${column}`)
  .join(',');

/**
 * Writes a chat-export-like CSV (user_id,name,date,channel,text) of `rows` messages from
 * `members` people, one minute apart from 2026-01-01: every row distinct, so an exact import
 * adds exactly `rows` activities and `members` members.
 */
export function writeActivityCsv(file: string, rows: number, members: number): void {
  const lines = ['user_id,name,date,channel,text'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i += 1) {
    const u = i % members;
    const date = new Date(start + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(`u${u},Member ${u},${date},ch${i % 7},message number ${i}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

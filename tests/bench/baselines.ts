/**
 * Baselines: the same amount of work done the simplest way the driver allows, measured in the
 * same run on the same disk, so a ratio says how much the real code costs over the floor.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export interface BaselineTiming {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

const texts = [
  '早安☀️ 新到的云南保山豆子很好喝',
  '快递又延迟了，等了五天还没到',
  'the new Yunnan beans are lovely',
  '👍',
  null,
];
const kinds = ['message', 'reply', 'reaction', 'checkin'];
const sources = ['wechat', 'discord', 'xiaohongshu', 'telegram'];

/**
 * Inserts `rows` activity-shaped rows (member, source, kind, ts, day, channel, external id,
 * text, value) into a plain table (no indexes, no constraints) with one prepared statement in one
 * transaction, on a file with a workspace's journal settings (WAL, synchronous NORMAL).
 */
export function rawActivityInserts(dir: string, rows: number): BaselineTiming {
  const file = path.join(dir, 'baseline-raw-inserts.sqlite');
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE activity (
      id INTEGER PRIMARY KEY, member_id INTEGER, source TEXT, kind TEXT, ts INTEGER, day INTEGER,
      channel TEXT, external_id TEXT, text TEXT, value REAL)`);
    const insert = db.prepare<[number, string, string, number, number, string, string, string | null, number | null]>(
      'INSERT INTO activity (member_id, source, kind, ts, day, channel, external_id, text, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const t0 = 1_746_000_000_000;
    const started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < rows; i += 1) {
        const ts = t0 + i * 1_337;
        insert.run(
          1 + Math.floor(i / 10),
          sources[i & 3] ?? 'wechat',
          kinds[(i >> 2) & 3] ?? 'message',
          ts,
          Math.floor(ts / 86_400_000),
          '咖啡爱好者1群',
          `wx_msg_${String(i).padStart(10, '0')}`,
          texts[i % 5] ?? null,
          i % 7,
        );
      }
    })();
    const seconds = (performance.now() - started) / 1000;
    return { rows, seconds, rowsPerSecond: rows / seconds };
  } finally {
    db.close();
  }
}

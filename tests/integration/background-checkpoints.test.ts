import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspaceFile, type Workspace } from '../../db/open';
import { BackgroundCheckpoints } from '../../electron/services/background-checkpoints';

let dir: string;
let file: string;
let ws: Workspace;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-checkpoint-'));
  file = path.join(dir, '检查点.hearth');
  ws = createWorkspaceFile(file);
  ws.sqlite.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  // A low threshold, so an ordinary commit of the write below checkpoints at once.
  ws.sqlite.pragma('wal_autocheckpoint = 10');
  ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
});
afterEach(async () => {
  await ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes 2,000 rows of 1 KB (~500 pages) and reports the main file's size right after the commit. */
function bigWrite(): number {
  const insert = ws.sqlite.prepare('INSERT INTO bulk (body) VALUES (?)');
  ws.sqlite.transaction(() => {
    for (let i = 0; i < 2000; i += 1) insert.run(Buffer.alloc(1024, i % 251));
  })();
  return fs.statSync(file).size;
}

describe('background checkpoints', () => {
  it('an ordinary commit copies the WAL into the file itself', () => {
    const before = fs.statSync(file).size;
    expect(bigWrite()).toBeGreaterThan(before + 1_500_000);
  });

  it('commits without copying the WAL, then copies it on a worker thread', async () => {
    const checkpoints = new BackgroundCheckpoints();
    const before = fs.statSync(file).size;
    const afterCommit = checkpoints.around(ws.sqlite, bigWrite);
    // Not at the commit, and not on this thread after it either (a worker takes far longer to
    // start than this check).
    expect(afterCommit).toBe(before);
    expect(fs.statSync(file).size).toBe(before);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(1_500_000);
    // The committed rows are there for any connection meanwhile.
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(2000);
    reader.close();

    await checkpoints.settled();
    expect(fs.statSync(file).size).toBeGreaterThan(before + 1_500_000);
    expect(ws.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10);
    expect(ws.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('checkpoints one write after another, so the last write is copied too', async () => {
    const checkpoints = new BackgroundCheckpoints();
    const before = fs.statSync(file).size;
    checkpoints.around(ws.sqlite, bigWrite);
    checkpoints.around(ws.sqlite, bigWrite);
    await checkpoints.settled();
    expect(fs.statSync(file).size).toBeGreaterThan(before + 3_000_000);
    expect(ws.sqlite.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(4000);
  });

  it('inside an open transaction, just runs the write', async () => {
    const checkpoints = new BackgroundCheckpoints();
    ws.sqlite.exec('BEGIN');
    checkpoints.around(ws.sqlite, () => ws.sqlite.prepare('INSERT INTO bulk (body) VALUES (?)').run(Buffer.from('x')));
    ws.sqlite.exec('COMMIT');
    await checkpoints.settled();
    expect(ws.sqlite.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(1);
    expect(ws.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services';
import type { HearthEvent } from '../../shared/api';
import { HearthError } from '../../shared/errors';
import { fixture } from '../support/import-harness';
import { call, testServices } from '../support/services';
import { rollupsFromScratch, storedRollups } from '../support/workspace';

let open: Services[] = [];
afterEach(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  open = [];
});

async function withWorkspace(): Promise<ReturnType<typeof testServices>> {
  const s = testServices();
  open.push(s);
  await call(s, 'workspace/create', { name: 'Import test', timeZone: 'Asia/Shanghai' });
  return s;
}

async function counts(s: Services) {
  return (await call(s, 'workspace/info', {})).counts;
}

async function expectError(promise: Promise<unknown>, code: string, pattern?: RegExp): Promise<HearthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HearthError);
    expect((error as HearthError).code).toBe(code);
    if (pattern) expect((error as HearthError).message).toMatch(pattern);
    return error as HearthError;
  }
  throw new Error(`expected ${code}`);
}

function bigDiscordExport(dir: string, messages: number): string {
  const file = path.join(dir, 'big.json');
  const rows = Array.from({ length: messages }, (_, i) => ({
    id: String(900000000000000000n + BigInt(i)),
    type: 'Default',
    timestamp: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    content: `消息 ${i}`,
    author: { id: String(1000 + (i % 50)), name: `user${i % 50}`, nickname: `用户${i % 50}`, isBot: false },
    reactions: [],
  }));
  fs.writeFileSync(file, JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: '2', name: 'general', type: 'GuildTextChat' }, messages: rows }));
  return file;
}

function zipOf(file: string, entries: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
    zip.end();
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve(file)).on('error', reject);
  });
}

describe('importing through the services', () => {
  it('imports, adds nothing on re-import, lists the batch and undoes it exactly', async () => {
    const s = await withWorkspace();
    const file = fixture('discord', 'guild-general.json');
    const first = await call(s, 'import/run', { path: file });
    expect(first.format).toBe('discord-json');
    expect(first.batchId).not.toBeNull();
    expect(first.activities.added).toBeGreaterThan(5);
    const after = await counts(s);
    expect(after.activity).toBe(first.activities.added);
    expect(storedRollups(s.ctx.session.workspace.sqlite)).toEqual(rollupsFromScratch(s.ctx.session.workspace.sqlite));

    const again = await call(s, 'import/run', { path: file });
    expect(again).toMatchObject({ batchId: null, activities: { added: 0, duplicates: first.activities.added }, members: { added: 0 } });
    expect(await counts(s)).toEqual(after);

    const batches = await call(s, 'import/batches', {});
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ id: first.batchId, file: 'guild-general.json', format: 'discord-json', status: 'done' });
    expect(batches[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);

    await call(s, 'import/undo', { batchId: first.batchId as number });
    expect(await counts(s)).toMatchObject({ member: 0, identity: 0, activity: 0 });
    expect((await call(s, 'import/batches', {}))[0]?.status).toBe('undone');
    await expectError(call(s, 'import/undo', { batchId: first.batchId as number }), 'invalid_argument', /undone/);
  });

  it('previews the first records without writing anything', async () => {
    const s = await withWorkspace();
    const preview = await call(s, 'import/preview', { path: fixture('tables', 'orders-bom.csv') });
    expect(preview.format).toBe('orders-csv');
    expect(preview.columns?.length).toBeGreaterThan(2);
    expect(preview.mapping?.member).toBeDefined();
    expect(preview.records.length).toBeGreaterThan(0);
    expect(preview.records.find((r) => r.type === 'order')).toMatchObject({ type: 'order', source: 'shop' });
    expect(await counts(s)).toMatchObject({ member: 0, order: 0 });
  });

  it('refuses bad input with file, line and field, and changes nothing', async () => {
    const s = await withWorkspace();
    await call(s, 'import/run', { path: fixture('discord', 'guild-general.json') });
    const before = await counts(s);
    const dir = s.dir;

    const truncated = path.join(dir, 'truncated.json');
    const text = fs.readFileSync(fixture('discord', 'guild-general.json'), 'utf8');
    fs.writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.6)));
    const err = await expectError(call(s, 'import/run', { path: truncated, format: 'discord-json' }), 'import_invalid', /truncated\.json/);
    expect(err.details).toMatchObject({ file: 'truncated.json' });

    await expectError(call(s, 'import/run', { path: fixture('tables', 'broken-quote.csv') }), 'import_invalid', /broken-quote\.csv:\d+/);
    await expectError(call(s, 'import/run', { path: fixture('tables', 'empty.csv'), format: 'csv' }), 'import_invalid', /empty\.csv/);

    const emptyZip = path.join(dir, 'empty.zip');
    fs.writeFileSync(emptyZip, '');
    await expectError(call(s, 'import/run', { path: emptyZip, format: 'slack-zip' }), 'import_invalid', /empty\.zip/);

    const evil = await zipOf(path.join(dir, 'evil.zip'), {
      'users.json': '[]',
      'channels.json': '[]',
      'general/2026-01-01.json': '[]',
    });
    // yazl refuses to write "../" names, so patch one in place (same length keeps the zip valid).
    const bytes = fs.readFileSync(evil);
    const at = bytes.indexOf('general/2026-01-01.json');
    bytes.write('../../../2026-01-01.json', at, 'latin1');
    const at2 = bytes.indexOf('general/2026-01-01.json', at + 1);
    if (at2 >= 0) bytes.write('../../../2026-01-01.json', at2, 'latin1');
    fs.writeFileSync(evil, bytes);
    await expectError(call(s, 'import/run', { path: evil, format: 'slack-zip' }), 'import_invalid', /\.\./);
    expect(fs.existsSync(path.join(dir, '..', '2026-01-01.json'))).toBe(false);

    expect(await counts(s)).toEqual(before);
    expect((await call(s, 'import/batches', {})).filter((b) => b.status === 'done')).toHaveLength(1);
  });

  it('stops at the first row problem when asked to abort, or skips and lists them', async () => {
    const s = await withWorkspace();
    const dir = s.dir;
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(file, '订单号,会员ID,下单时间,实付金额\nA1,c1,2026-01-02 10:00,88\nA2,c2,not a date,66\nA3,c3,2026-01-03 12:00,abc\n');
    await expectError(call(s, 'import/run', { path: file, format: 'orders-csv', onProblem: 'abort' }), 'import_invalid', /orders\.csv:3/);
    expect(await counts(s)).toMatchObject({ order: 0, member: 0 });

    const skipped = await call(s, 'import/run', { path: file, format: 'orders-csv', onProblem: 'skip' });
    expect(skipped.orders.added).toBe(1);
    expect(skipped.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(skipped.errors[0]?.field).toBe('下单时间');
  });

  it('cancels mid-import and leaves nothing behind', async () => {
    const s = await withWorkspace();
    const file = bigDiscordExport(s.dir, 30_000);
    const events: HearthEvent[] = [];
    const unsubscribe = s.ctx.events.subscribe((e) => {
      events.push(e);
      if (e.type === 'import/progress' && e.importId === 'cancel-me') void call(s, 'import/cancel', { importId: 'cancel-me' });
    });
    await expectError(call(s, 'import/run', { path: file, importId: 'cancel-me' }), 'import_cancelled');
    unsubscribe();
    expect(events.some((e) => e.type === 'import/progress')).toBe(true);
    expect(await counts(s)).toMatchObject({ member: 0, activity: 0 });
    expect(await call(s, 'import/batches', {})).toEqual([]);

    const full = await call(s, 'import/run', { path: file });
    expect(full.activities.added).toBe(30_000);
    expect(full.members.added).toBe(50);
  });
});

describe('column mappings', () => {
  it('remembers the mapping chosen for a table layout', async () => {
    const s = await withWorkspace();
    const first = path.join(s.dir, 'export-march.csv');
    fs.writeFileSync(first, 'Kunde;Datum;Umsatz;Menge\nk1;20260102;88;1\n');
    const map = { member: 'Kunde', date: 'Datum', amount: 'Umsatz', quantity: 'Menge' };
    const result = await call(s, 'import/run', { path: first, format: 'orders-csv', map, dateFormat: 'YYYYMMDD' });
    expect(result.orders.added).toBe(1);

    const second = path.join(s.dir, 'export-april.csv');
    fs.writeFileSync(second, 'Kunde;Datum;Umsatz;Menge\nk2;20260403;66;2\n');
    const preview = await call(s, 'import/preview', { path: second, format: 'orders-csv' });
    expect(preview.mapping).toMatchObject(map);
    expect(preview.records.find((r) => r.type === 'order')).toMatchObject({ amount: 66, ts: Date.UTC(2026, 3, 2, 16) });
  });
});

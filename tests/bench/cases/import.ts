/**
 * Import throughput, through the real CLI (`npm run hearth -- import`, as built) in a child process:
 * - a CSV activity table of N rows, against the sqlite3 CLI's `.import` of the same file into a
 *   plain table (the baseline: our whole pipeline vs the fastest raw load);
 * - a DiscordChatExporter JSON of N messages, against the same sqlite3 `.import` rate;
 * - the child's peak RSS on the JSON file and (full runs) on a ~1 GB one of 4.5 M messages (flat
 *   memory: the target is under 300 MB), against the peak RSS of the same CLI doing nothing
 *   (`hearth info`), so the ratio shows what importing adds; and the same files imported the way
 *   the desktop app does it (the worker as built into out/main alone in a plain Node, the same
 *   heap limits), whose peak RSS carries none of the CLI's services.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtCliIsCurrent } from '../../../electron/bootstrap/hearth.mjs';
import { IMPORT_HEAP_MB, IMPORT_YOUNG_MB } from '../../../electron/services/import/run-thread';
import { type BenchCase, type BenchResult, result } from '../types';

const root = path.resolve(import.meta.dirname, '../../..');
/** What `npm run hearth` runs: the built CLI when the build is current (built first here), else the sources. */
const cli = path.join(root, 'electron', 'bootstrap', 'hearth.mjs');
/** Messages in the ~1 GB Discord JSON of the memory figure. */
const BIG_MESSAGES = 4_500_000;

function writeCsv(file: string, rows: number): void {
  const out = fs.openSync(file, 'w');
  const chunk: string[] = ['member_id,name,date,channel,kind,text\n'];
  const kinds = ['message', 'reply', 'checkin', 'reaction'];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i += 1) {
    const member = (i * 7919) % Math.max(1, Math.floor(rows / 10));
    const ts = new Date(start + i * 29_000).toISOString();
    chunk.push(`m${member},会员${member},${ts},咖啡${member % 5}群,${kinds[i % 4]},今天的手冲很好喝 ${i}\n`);
    if (chunk.length >= 10_000) {
      fs.writeSync(out, chunk.join(''));
      chunk.length = 0;
    }
  }
  fs.writeSync(out, chunk.join(''));
  fs.closeSync(out);
}

function writeDiscordJson(file: string, messages: number): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(
    out,
    '{"guild":{"id":"1","name":"Bench"},"channel":{"id":"2","type":"GuildTextChat","name":"general"},"messages":[\n',
  );
  const parts: string[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < messages; i += 1) {
    const author = (i * 7919) % Math.max(1, Math.floor(messages / 10));
    const message = {
      id: String(10n ** 17n + BigInt(i)),
      type: i % 5 === 0 ? 'Reply' : 'Default',
      timestamp: new Date(start + i * 29_000).toISOString(),
      content: `消息 message ${i}`,
      author: { id: String(10_000 + author), name: `user${author}`, nickname: `用户${author}`, isBot: false },
      reactions: i % 3 === 0 ? [{ emoji: { id: null, name: '☕' }, count: 2 }] : [],
      ...(i % 5 === 0 && i > 0 ? { reference: { messageId: String(10n ** 17n + BigInt(i - 1)) } } : {}),
    };
    parts.push(`${i === 0 ? '' : ',\n'}${JSON.stringify(message)}`);
    if (parts.length >= 10_000) {
      fs.writeSync(out, parts.join(''));
      parts.length = 0;
    }
  }
  fs.writeSync(out, `${parts.join('')}\n],"messageCount":${messages}}\n`);
  fs.closeSync(out);
}

function hearth(args: string[], env: NodeJS.ProcessEnv): { seconds: number; stdout: string; peakRssMb: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, HEARTH_REPORT_RSS: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`hearth ${args[0]} failed: ${child.stderr}`);
  const rss = /peak RSS (\d+(?:\.\d+)?) MB/.exec(child.stderr)?.[1];
  return { seconds, stdout: child.stdout, peakRssMb: rss ? Number(rss) : Number.NaN };
}

/**
 * The build `npm run hearth` and the desktop app run (out/main: the CLI and the import worker),
 * built first when it is missing or older than the sources. Returns the import worker.
 */
function currentBuild(log: (message: string) => void): string {
  const worker = path.join(root, 'out', 'main', 'import-worker.js');
  if (!builtCliIsCurrent() || !fs.existsSync(worker)) {
    log('import: out/main is missing or older than the sources, building it (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (build.status !== 0 || !builtCliIsCurrent()) throw new Error('import: `npm run build` failed');
  }
  return worker;
}

/**
 * One import the way the desktop app runs it: plain Node (no TypeScript runner), the built worker
 * with the app's heap limits. Returns the whole process's peak RSS.
 */
function appImport(
  worker: string,
  workspace: string,
  source: string,
): { seconds: number; added: number; peakRssMb: number } {
  const script = `
    import { Worker } from 'node:worker_threads';
    const [worker, workspaceFile, source, oldMb, youngMb] = process.argv.slice(1);
    const started = performance.now();
    const w = new Worker(worker, {
      execArgv: [],
      workerData: { workspaceFile, source, options: { timeZone: 'Asia/Shanghai', onProblem: 'skip' }, startedAt: Date.now() },
      resourceLimits: { maxOldGenerationSizeMb: Number(oldMb), maxYoungGenerationSizeMb: Number(youngMb) },
    });
    w.on('message', (m) => {
      if (m.type === 'error') { console.error(m.error.message); process.exit(1); }
      if (m.type !== 'done') return;
      console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, added: m.result.activities.added, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
      void w.terminate();
    });`;
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, worker, workspace, source, String(IMPORT_HEAP_MB), String(IMPORT_YOUNG_MB)],
    { cwd: root, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`import through the built worker failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { seconds: number; added: number; peakRssMb: number };
}

function sqliteImportSeconds(csv: string, db: string): number {
  const started = performance.now();
  const child = spawnSync('sqlite3', [db, '.import --csv ' + JSON.stringify(csv).slice(1, -1) + ' raw'], {
    encoding: 'utf8',
  });
  if (child.status !== 0)
    throw new Error(`sqlite3 .import failed (is Debian's sqlite3 installed?): ${child.stderr || child.error}`);
  return (performance.now() - started) / 1000;
}

export const importThroughput: BenchCase = {
  name: 'import',
  description: 'hearth import (CLI, whole pipeline) vs sqlite3 CLI .import of the same CSV into a plain table',
  async run({ quick, tmpDir, log }) {
    const rows = quick ? 100_000 : 1_000_000;
    const env = { HEARTH_HOME: path.join(tmpDir, 'import-home') };
    const csv = path.join(tmpDir, 'activities.csv');
    log(`import: writing ${rows.toLocaleString('en-US')}-row CSV and Discord JSON`);
    writeCsv(csv, rows);
    const json = path.join(tmpDir, 'general.json');
    writeDiscordJson(json, rows);

    const worker = currentBuild(log);
    log('import: the CLI runs as built (plain Node), as `npm run hearth` does once the build is current');
    const baselineSeconds = sqliteImportSeconds(csv, path.join(tmpDir, 'raw.sqlite'));
    const baselineRate = rows / baselineSeconds;
    log(`import: sqlite3 .import ${baselineSeconds.toFixed(2)} s`);

    const csvWs = path.join(tmpDir, 'csv.hearth');
    hearth(['create', csvWs], env);
    // --no-score: the import alone (rescoring is the members case's figure).
    const csvRun = hearth(['import', csvWs, csv, '--format', 'csv', '--no-score', '--json'], env);
    const csvResult = JSON.parse(csvRun.stdout) as { activities: { added: number } };
    if (csvResult.activities.added !== rows)
      throw new Error(`CSV import added ${csvResult.activities.added} of ${rows} rows`);
    log(`import: CSV ${csvRun.seconds.toFixed(2)} s`);

    const jsonWs = path.join(tmpDir, 'discord.hearth');
    hearth(['create', jsonWs], env);
    // What any CLI run costs before importing anything (Node and every Hearth module).
    const idle = hearth(['info', jsonWs], env);
    const jsonRun = hearth(['import', jsonWs, json, '--no-score', '--json'], env);
    const jsonResult = JSON.parse(jsonRun.stdout) as { activities: { added: number } };
    if (jsonResult.activities.added !== rows)
      throw new Error(`Discord import added ${jsonResult.activities.added} of ${rows} messages`);
    log(`import: Discord JSON ${jsonRun.seconds.toFixed(2)} s, peak RSS ${jsonRun.peakRssMb.toFixed(0)} MB`);
    const jsonMb = fs.statSync(json).size / 1024 / 1024;

    // The same file the way the desktop app imports it: the built worker alone in a plain Node.
    const appWs = path.join(tmpDir, 'discord-app.hearth');
    hearth(['create', appWs], env);
    const appRun = appImport(worker, appWs, json);
    if (appRun.added !== rows)
      throw new Error(`Discord import (built worker) added ${appRun.added} of ${rows} messages`);
    log(
      `import: Discord JSON through the built worker ${appRun.seconds.toFixed(2)} s, peak RSS ${appRun.peakRssMb.toFixed(0)} MB`,
    );

    // The memory figure is for a 1 GB export: 4.5 M messages (and 450,000 authors).
    const big: BenchResult[] = [];
    if (!quick) {
      const bigJson = path.join(tmpDir, 'general-1gb.json');
      writeDiscordJson(bigJson, BIG_MESSAGES);
      const bigMb = fs.statSync(bigJson).size / 1024 / 1024;
      const bigWs = path.join(tmpDir, 'discord-1gb.hearth');
      hearth(['create', bigWs], env);
      const bigRun = hearth(['import', bigWs, bigJson, '--no-score', '--json'], env);
      log(
        `import: ${bigMb.toFixed(0)} MB Discord JSON ${bigRun.seconds.toFixed(1)} s, peak RSS ${bigRun.peakRssMb.toFixed(0)} MB`,
      );
      const bigAppWs = path.join(tmpDir, 'discord-1gb-app.hearth');
      hearth(['create', bigAppWs], env);
      const bigApp = appImport(worker, bigAppWs, bigJson);
      fs.rmSync(bigJson);
      log(
        `import: the same through the built worker ${bigApp.seconds.toFixed(1)} s, peak RSS ${bigApp.peakRssMb.toFixed(0)} MB`,
      );
      big.push(
        result(
          `import.discord_json.peak_rss_mb (${bigMb.toFixed(0)} MB file)`,
          bigRun.peakRssMb,
          'MB',
          idle.peakRssMb,
          { max: 300 },
        ),
        result(`import.discord_json.app_peak_rss_mb (${bigMb.toFixed(0)} MB file)`, bigApp.peakRssMb, 'MB', null, {
          max: 300,
        }),
        result('import.discord_json_1gb.rows_per_s', BIG_MESSAGES / bigRun.seconds, 'rows/s', baselineRate, null),
      );
    }

    return [
      result('import.csv.rows_per_s', rows / csvRun.seconds, 'rows/s', baselineRate, { min: 0.8 * baselineRate }),
      result('import.discord_json.rows_per_s', rows / jsonRun.seconds, 'rows/s', baselineRate, null),
      result(
        `import.discord_json.peak_rss_mb (${jsonMb.toFixed(0)} MB file)`,
        jsonRun.peakRssMb,
        'MB',
        idle.peakRssMb,
        {
          max: 300,
        },
      ),
      result(`import.discord_json.app_peak_rss_mb (${jsonMb.toFixed(0)} MB file)`, appRun.peakRssMb, 'MB', null, {
        max: 300,
      }),
      ...big,
    ];
  },
};

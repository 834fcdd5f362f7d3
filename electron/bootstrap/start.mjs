// `npm start`: set up what is missing, make sure the demo workspace exists, then run Hearth:
// the Electron window where Electron can run, otherwise the browser host on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, ensureBuild, ensureDeps, fail, log, root } from './ensure.mjs';

ensureDeps();
ensureBuild();

const tsx = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const cli = path.join(root, 'electron', 'cli', 'main.ts');

function cliJson(args) {
  const result = spawnSync(tsx, [cli, ...args], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) fail(`hearth ${args[0]} failed: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout);
}

const { workspacesDir } = cliJson(['where', '--json']);
const demo = process.env.HEARTH_DEMO_WORKSPACE ?? path.join(workspacesDir, 'Hearth Demo.hearth');
if (!fs.existsSync(demo)) {
  log(`Creating the demo workspace at ${demo}…`);
  fs.mkdirSync(path.dirname(demo), { recursive: true });
  const counts = cliJson(['demo', demo]);
  log(`Demo workspace ready: ${counts.member} members, ${counts.activity} activities, ${counts.order} orders.`);
}

const electron = electronBinary();
let child;
if (electron) {
  const { electronSqliteBinding } = await import('./electron-sqlite.mjs');
  const binding = await electronSqliteBinding();
  log('Starting the Hearth window (Electron)…');
  child = spawn(electron, [root, `--workspace=${demo}`], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, HEARTH_SQLITE_BINDING: binding },
  });
} else {
  log('Electron cannot run here (no binary could be fetched, or no display); starting the browser host instead.');
  child = spawn(tsx, [cli, 'serve', demo, ...(process.env.HEARTH_PORT ? ['--port', process.env.HEARTH_PORT] : [])], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

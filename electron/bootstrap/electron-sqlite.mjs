// Builds a copy of better-sqlite3's native binding for Electron's ABI, kept apart from the one
// plain Node uses, so `npm start` (Electron) and `npm test` (Node) never break each other.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root, log } from './ensure.mjs';

const require = createRequire(import.meta.url);

/** Returns the path of better_sqlite3.node built for the installed Electron, building it once. */
export async function electronSqliteBinding() {
  const electronVersion = require(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  const cacheDir = path.join(root, '.cache', 'electron-sqlite', electronVersion);
  const target = path.join(cacheDir, 'better_sqlite3.node');
  if (fs.existsSync(target)) return target;

  log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  const stage = path.join(cacheDir, 'stage');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(path.join(stage, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name: 'stage', version: '0.0.0', dependencies: { 'better-sqlite3': '*' } }));
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(stage, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: stage, electronVersion, force: true, onlyModules: ['better-sqlite3'] });
  fs.copyFileSync(path.join(stage, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(stage, { recursive: true, force: true });
  return target;
}

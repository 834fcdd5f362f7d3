// Sets up what a fresh machine is missing before `npm start`, `npm test` or `npm run bench`.
// Plain Node with no dependencies: it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const isWindows = process.platform === 'win32';

export function log(message) {
  process.stdout.write(`[hearth] ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`[hearth] ${message}\n`);
  process.exit(1);
}

/** Runs a command with inherited output; returns its exit status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows, ...options });
  if (result.error) return 127;
  return result.status ?? 1;
}

function quiet(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8', shell: isWindows, ...options });
}

/** The newest modification time of any file under `dir` (0 when there is none). */
function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

function sqliteLoads() {
  const probe = quiet(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"]);
  return probe.status === 0;
}

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureDeps() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000);
  if (stale) {
    log('Installing dependencies (npm ci; better-sqlite3 compiles from source where no prebuilt binary is reachable)…');
    // Electron's binary is fetched later, only where it can run.
    const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const status = fs.existsSync(lock) ? run('npm', ['ci', '--no-audit', '--no-fund'], { env }) : run('npm', ['install'], { env });
    if (status !== 0) fail('Installing dependencies failed (see npm output above).');
  }
  if (!sqliteLoads()) {
    // The binary may have been rebuilt for Electron's ABI; Node needs its own.
    log('Rebuilding better-sqlite3 for this Node…');
    if (run('npm', ['rebuild', 'better-sqlite3']) !== 0 || !sqliteLoads()) {
      fail('better-sqlite3 does not load under this Node. Install a C++ toolchain (python3, make, g++) and run npm rebuild better-sqlite3.');
    }
  }
}

/**
 * Whether a built file exists and is at least as new as every file it was built from: the
 * source folders, and the package and build configuration.
 */
export function isBuiltCurrent(built, dirs = ['renderer', 'shared', 'electron', 'db', 'resources']) {
  if (!fs.existsSync(built)) return false;
  const sources = Math.max(
    ...dirs.map((d) => newestMtime(path.join(root, d))),
    ...['package.json', 'package-lock.json', 'electron.vite.config.ts'].map((file) =>
      fs.existsSync(path.join(root, file)) ? fs.statSync(path.join(root, file)).mtimeMs : 0,
    ),
  );
  return fs.statSync(built).mtimeMs >= sources;
}

/** Builds main, preload, renderer and the CLI when the build is missing or older than the sources. */
export function ensureBuild({ force = false } = {}) {
  const built = ['renderer/index.html', 'main/cli.js'].map((file) => path.join(root, 'out', file));
  if (!force && built.every((file) => isBuiltCurrent(file))) return;
  log('Building the app (electron-vite build)…');
  if (run('npx', ['electron-vite', 'build']) !== 0) fail('The build failed (see output above).');
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function hasCjkFont() {
  const probe = quiet('fc-list', [':lang=zh']);
  return probe.status === 0 && probe.stdout.trim().length > 0;
}

function aptInstall(packages) {
  if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) return false;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`Installing ${packages.join(' ')} with apt-get…`);
  const [cmd, ...pre] = asRoot ? ['apt-get'] : [...sudo, 'apt-get'];
  if (run(cmd, [...pre, 'update', '-qq'], { env }) !== 0) return false;
  return run(cmd, [...pre, 'install', '-y', '-qq', ...packages], { env }) === 0;
}

/**
 * Finds a Chromium for the end-to-end tests: HEARTH_CHROMIUM, one on the system, else Debian's
 * (apt-get), else Playwright's own download; fails with a clear message when none can be had.
 */
export function ensureChromium() {
  const fromEnv = process.env.HEARTH_CHROMIUM;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  let found = SYSTEM_CHROMIUMS.find(isExecutable);
  if (!found && aptInstall(['chromium', 'fonts-noto-cjk'])) found = SYSTEM_CHROMIUMS.find(isExecutable);
  if (!found) {
    log('No system Chromium; trying Playwright’s own download…');
    if (run('npx', ['playwright-core', 'install', 'chromium']) === 0) {
      const probe = quiet(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"]);
      if (probe.status === 0 && isExecutable(probe.stdout.trim())) found = probe.stdout.trim();
    }
  }
  if (!found) {
    fail(
      'No Chromium for the end-to-end tests. Install one (Debian/Ubuntu: apt-get install chromium fonts-noto-cjk) ' +
        'or point HEARTH_CHROMIUM at a Chrome/Chromium executable.',
    );
  }
  if (process.platform === 'linux' && !hasCjkFont()) aptInstall(['fonts-noto-cjk']);
  return found;
}

/** Installs the PDF tools the report tests read PDFs with (pdftotext, pdftoppm), where apt-get can. */
export function ensurePdfTools() {
  if (quiet('pdftotext', ['-v']).status === 0) return true;
  return aptInstall(['poppler-utils']) && quiet('pdftotext', ['-v']).status === 0;
}

/** The Electron executable when it is installed or can be fetched, and a display exists; else null. */
export function electronBinary() {
  if (process.env.HEARTH_NO_ELECTRON === '1') return null;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
  const dir = path.join(root, 'node_modules', 'electron');
  const binary = () => {
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const file = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(file) ? file : null;
  };
  if (binary()) return binary();
  log('Fetching the Electron binary…');
  const status = run(process.execPath, [path.join(dir, 'install.js')], { timeout: 180_000 });
  return status === 0 ? binary() : null;
}


// `node electron/bootstrap/ensure.mjs` sets up dependencies only (used by npm run bench).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureDeps();

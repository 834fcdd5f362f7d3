// Cheap guard checks run first by `npm test`: no focused or skipped tests, and the process
// boundaries of ARCHITECTURE.md hold (shared/ is pure; only electron/main and electron/preload
// import Electron; the renderer never imports db/ or electron/).
import fs from 'node:fs';
import path from 'node:path';
import { root } from './ensure.mjs';

function files(dir, exts) {
  const out = [];
  const stack = [path.join(root, dir)];
  while (stack.length) {
    const current = stack.pop();
    if (!fs.existsSync(current)) continue;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') stack.push(full);
      } else if (exts.some((e) => entry.name.endsWith(e))) out.push(full);
    }
  }
  return out;
}

const problems = [];
const rel = (f) => path.relative(root, f);

for (const file of files('tests', ['.ts', '.tsx'])) {
  const text = fs.readFileSync(file, 'utf8');
  const hit = /\b(?:describe|it|test)\.(?:only|skip|todo)\s*\(/.exec(text);
  if (hit) problems.push(`${rel(file)}: ${hit[0]} (no focused or skipped tests)`);
}

function importsOf(text) {
  const specs = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  let m;
  while ((m = re.exec(text))) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

const rules = [
  {
    dir: 'shared',
    banned: (spec, file) =>
      spec.startsWith('node:') || spec === 'electron' || /^(fs|path|os|crypto|child_process|better-sqlite3|kysely|react)$/.test(spec) ||
      (escapes(file, spec, ['shared']) && !(spec.endsWith('.json') && !escapes(file, spec, ['resources']))),
    why: 'shared/ is pure: no Node, DOM, Electron, db or renderer imports (JSON data from resources/ is fine)',
  },
  {
    dir: 'db',
    banned: (spec, file) => spec === 'electron' || spec.startsWith('react') || escapes(file, spec, ['db', 'shared']),
    why: 'db/ may import only shared/ and Node',
  },
  {
    dir: 'electron/services',
    banned: (spec, file) => spec === 'electron' || spec.startsWith('react') || escapes(file, spec, ['electron/services', 'db', 'shared', 'package.json']),
    why: 'services are Electron-free',
  },
  {
    dir: 'electron/host',
    banned: (spec) => spec === 'electron',
    why: 'the browser host is Electron-free',
  },
  {
    dir: 'electron/cli',
    banned: (spec) => spec === 'electron',
    why: 'the CLI is Electron-free',
  },
  {
    dir: 'electron/utility',
    banned: (spec) => spec === 'electron',
    why: 'the services process is Electron-free',
  },
  {
    dir: 'renderer',
    banned: (spec, file) => spec === 'electron' || spec.startsWith('node:') || escapes(file, spec, ['renderer', 'shared']),
    why: 'the renderer talks to services only through the API',
  },
];

/** True when a relative import from `file` lands outside the allowed top folders. */
function escapes(file, spec, allowed) {
  if (!spec.startsWith('.')) return false;
  const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
  return !allowed.some((a) => target === a || target.startsWith(`${a}/`));
}

for (const rule of rules) {
  for (const file of files(rule.dir, ['.ts', '.tsx'])) {
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (rule.banned(spec, file)) problems.push(`${rel(file)} imports "${spec}": ${rule.why}`);
    }
  }
}

if (problems.length) {
  process.stderr.write(`Guard checks failed:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('[hearth] guards ok\n');

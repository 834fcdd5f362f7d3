// `npm test`: set up what is missing (dependencies, a Chromium), then run every check and test:
// guards, type check, lint, build, unit + integration + end-to-end tests.
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild, ensureChromium, ensureDeps, ensurePdfTools, fail, log, root, run } from './ensure.mjs';

const started = Date.now();
ensureDeps();
const chromium = ensureChromium();
log(`Chromium for end-to-end tests: ${chromium}`);
// The report tests read the PDFs they print back as text.
if (!ensurePdfTools()) fail('pdftotext is missing and could not be installed (Debian/Ubuntu: apt-get install poppler-utils).');

const steps = [
  ['guards', ['node', [path.join(root, 'electron', 'bootstrap', 'guards.mjs')]]],
  ['type check', ['npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']]],
  ['type check (renderer)', ['npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']]],
  ['lint', ['npx', ['eslint', '.', '--max-warnings', '0']]],
];
for (const [name, [cmd, args]] of steps) {
  log(`${name}…`);
  if (run(cmd, args) !== 0) fail(`${name} failed.`);
}
ensureBuild();

const report = path.join(root, '.cache', 'vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
log('vitest (unit, integration, e2e)…');
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  env: { ...process.env, HEARTH_CHROMIUM: chromium },
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = result.numPassedTests ?? 0;
  failed = result.numFailedTests ?? 0;
  skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
}
const minutes = ((Date.now() - started) / 60000).toFixed(1);
log(`npm test finished in ${minutes} min`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
if (status !== 0 || failed > 0 || passed === 0) process.exit(status || 1);

/**
 * `npm run fuzz -- [--cases N] [--seed S] [--replay ID]... [--no-fixed] [--only TEXT] [--timeout MS] [--verbose]`: runs the
 * fixed nasty cases plus N mutated ones (default 500) through the real import path, one line per
 * failure, then a summary; exits 1 when any case broke a rule. Replay ids are printed as they run.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FuzzCase, caseById, fixedCases, mutatedCases } from './cases';
import { DEFAULT_LIMITS, type Outcome, openFuzzWorkspace, runCase } from './harness';

const usage = `usage: npm run fuzz -- [--cases N] [--seed S] [--replay ID]... [--no-fixed] [--timeout MS]
  --cases N     mutated cases to run (default 500)
  --seed S      seed for choosing them (default: the current time, printed)
  --replay ID   run just this case (repeatable); ids come from a failure line
  --only TEXT   mutate only the bases whose name contains TEXT (e.g. xlsx, whatsapp-txt/chinese)
  --no-fixed    leave out the fixed cases (bombs, zip slip, giant fields, deep nesting…)
  --timeout MS  per-import limit before a case counts as a hang (default ${DEFAULT_LIMITS.timeoutMs})
  --verbose     print every case's outcome, not just failures`;

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

interface Options {
  cases: number;
  seed: number;
  replay: string[];
  fixed: boolean;
  timeoutMs: number;
  verbose: boolean;
  only: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    cases: 500,
    seed: Date.now() % 1_000_000_007,
    replay: [],
    fixed: true,
    timeoutMs: DEFAULT_LIMITS.timeoutMs,
    verbose: false,
    only: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${usage}`);
      return v;
    };
    const number = (): number => {
      const n = Number(value());
      if (!Number.isFinite(n)) throw new Error(`${arg} needs a number\n${usage}`);
      return n;
    };
    if (arg === '--cases') options.cases = number();
    else if (arg === '--seed') options.seed = number();
    else if (arg === '--replay') options.replay.push(value());
    else if (arg === '--no-fixed') options.fixed = false;
    else if (arg === '--timeout') options.timeoutMs = number();
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--only') options.only = value();
    else if (arg === '--help' || arg === '-h') {
      say(usage);
      process.exit(0);
    } else throw new Error(`unknown option ${arg}\n${usage}`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const cases: FuzzCase[] =
    options.replay.length > 0
      ? options.replay.map(caseById)
      : [
          ...(options.fixed ? fixedCases() : []),
          ...mutatedCases(options.cases, options.seed, (b) => options.only === null || b.name.includes(options.only)),
        ];
  say(`fuzzing ${cases.length} cases, seed ${options.seed}`);
  const seedFile = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'fixtures',
    'import',
    'discord',
    'guild-general.json',
  );
  const workspace = await openFuzzWorkspace(seedFile);
  const outcomes: Outcome[] = [];
  const started = performance.now();
  try {
    for (const [i, c] of cases.entries()) {
      const outcome = await runCase(workspace.services, c, workspace.dir, {
        ...DEFAULT_LIMITS,
        timeoutMs: options.timeoutMs,
      });
      outcomes.push(outcome);
      if (outcome.result === 'failure') say(`FAIL ${outcome.id} (${outcome.ms} ms): ${outcome.message.split('\n')[0]}`);
      else if (options.verbose)
        say(`${outcome.result === 'imported' ? 'ok  ' : 'err '} ${outcome.id} (${outcome.ms} ms): ${outcome.message}`);
      if ((i + 1) % 100 === 0) say(`  … ${i + 1}/${cases.length}`);
    }
  } finally {
    await workspace.close();
  }
  const count = (r: Outcome['result']): number => outcomes.filter((o) => o.result === r).length;
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 3);
  say(
    [
      '',
      `cases          ${outcomes.length}`,
      `ok imports     ${count('imported')}`,
      `clean errors   ${count('rejected')}`,
      `failures       ${count('failure')}`,
      `time           ${((performance.now() - started) / 1000).toFixed(1)} s`,
      `slowest        ${slowest.map((o) => `${o.id} ${o.ms} ms`).join(', ')}`,
    ].join('\n'),
  );
  const failures = outcomes.filter((o) => o.result === 'failure');
  if (failures.length > 0) {
    say('\nreplay with:');
    for (const f of failures) say(`  npm run fuzz -- --replay '${f.id}'`);
  }
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);

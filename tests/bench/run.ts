/**
 * `npm run bench [-- --members N] [--quick] [--json out.json]`: runs every benchmark case, prints
 * one table (name, value, unit, baseline, ratio, target) and optionally writes it as JSON.
 * Temporary files go to the OS temp folder and are removed, also on Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cases } from './cases';
import { formatTable } from './table';
import type { BenchResult } from './types';

const usage = `usage: npm run bench -- [--members N] [--quick] [--only a,b] [--json <out.json>]
  --members N   community size for generated workspaces (default 100000; 10000 with --quick)
  --quick       a small, fast run
  --only A,B    run only these cases (${cases.map((c) => c.name).join(', ')})
  --json FILE   also write the results as JSON: [{ name, value, unit, baseline, ratio, target }]`;

interface Options {
  members: number;
  quick: boolean;
  json: string | null;
  only: string[] | null;
}

function parseOptions(argv: readonly string[]): Options {
  let members: number | null = null;
  let quick = false;
  let json: string | null = null;
  let only: string[] | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${usage}`);
      return v;
    };
    switch (flag) {
      case '--members': {
        const n = Number(value().replaceAll('_', ''));
        if (!Number.isInteger(n) || n < 1) throw new Error(`--members must be a positive whole number\n${usage}`);
        members = n;
        break;
      }
      case '--quick':
        quick = true;
        break;
      case '--json':
        json = path.resolve(value());
        break;
      case '--only': {
        only = value().split(',').map((name) => name.trim());
        const unknown = only.filter((name) => !cases.some((c) => c.name === name));
        if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}\n${usage}`);
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(`${usage}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${arg}\n${usage}`);
    }
  }
  return { members: members ?? (quick ? 10_000 : 100_000), quick, json, only };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  const cleanUp = (): void => fs.rmSync(tmpDir, { recursive: true, force: true });
  const onSignal = (): void => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const log = (message: string): void => {
    process.stderr.write(`[bench] ${message}\n`);
  };
  const results: BenchResult[] = [];
  try {
    const chosen = cases.filter((c) => !options.only || options.only.includes(c.name));
    log(`${chosen.length} case(s), ${options.members.toLocaleString('en-US')} members${options.quick ? ', quick' : ''}`);
    for (const benchCase of chosen) {
      log(`${benchCase.name}: ${benchCase.description}`);
      const caseDir = fs.mkdtempSync(path.join(tmpDir, `${benchCase.name}-`));
      try {
        results.push(
          ...(await benchCase.run({ members: options.members, quick: options.quick, tmpDir: caseDir, sharedDir: tmpDir, log })),
        );
      } finally {
        fs.rmSync(caseDir, { recursive: true, force: true });
      }
    }
  } finally {
    cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  process.stdout.write(`${formatTable(results)}\n`);
  if (options.json) {
    fs.mkdirSync(path.dirname(options.json), { recursive: true });
    fs.writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${options.json}`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

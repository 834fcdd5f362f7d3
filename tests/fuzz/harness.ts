/**
 * Runs one fuzz case through the real import path (router → preview → run) and checks the rules:
 * the import either succeeds (and a second run adds nothing) or fails with a clean HearthError
 * naming the file, leaving every row count as it was; never a crash, a hang or runaway memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createServices, type Services } from '../../electron/services';
import type { Input, Method, Output } from '../../shared/api';
import { HearthError } from '../../shared/errors';
import type { ImportRequest } from '../../shared/import';
import type { FuzzCase } from './cases';
import { writeInput } from './cases';

export interface Outcome {
  id: string;
  result: 'imported' | 'rejected' | 'failure';
  /** What went wrong (failure), or the error message (rejected). */
  message: string;
  ms: number;
}

export interface RunLimits {
  /** Per import call; past it the import is cancelled and the case fails as a hang. */
  timeoutMs: number;
  /** Growth of the process's resident memory over the case that counts as unbounded. */
  maxRssGrowthBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = { timeoutMs: 20_000, maxRssGrowthBytes: 1.5 * 1024 ** 3 };

const CLEAN_CODES = new Set(['import_invalid', 'import_cancelled', 'not_found']);
const TABLES = ['member', 'identity', 'activity', '"order"', 'survey_response', 'import_batch'] as const;

type Sqlite = Services['ctx']['session']['workspace']['sqlite'];

function rowCounts(sqlite: Sqlite): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of TABLES)
    out[table] = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return out;
}

function integrity(sqlite: Sqlite): string {
  return (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}

class CaseFailure extends Error {}

/** Resolves with the promise, or cancels the import and fails once `ms` pass. */
async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what: string,
  cancel: () => Promise<unknown>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      void cancel().finally(() => reject(new CaseFailure(`hang: ${what} still running after ${ms} ms`)));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Null when `error` is a clean refusal of `file`, else what is wrong with it. */
function uncleanError(error: unknown, file: string): string | null {
  if (!(error instanceof HearthError)) {
    return `uncaught ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error)}`;
  }
  if (!CLEAN_CODES.has(error.code)) return `error code ${error.code} (${error.message})`;
  const name = path.basename(file);
  if (!error.message.includes(name)) return `${error.code} message does not name ${name}: ${error.message}`;
  if (error.code === 'import_invalid' && error.details?.file !== name) {
    return `import_invalid details.file is ${String(error.details?.file)}, expected ${name}`;
  }
  return null;
}

const mappings = new Map<string, Record<string, string> | null>();

/** The mapping Hearth guesses for the unmutated base of a table case (cached per base). */
async function mappingFor(s: Services, c: FuzzCase, dir: string): Promise<Record<string, string> | null> {
  const base = c.mapFrom;
  if (!base) return null;
  const cached = mappings.get(base.name);
  if (cached !== undefined) return cached;
  const folder = fs.mkdtempSync(path.join(dir, 'base-'));
  const file = await writeInput(folder, base, await base.load());
  const preview = await call(s, 'import/preview', { path: file, format: base.format });
  const mapping = preview.mapping && Object.keys(preview.mapping).length > 0 ? preview.mapping : null;
  mappings.set(base.name, mapping);
  return mapping;
}

/** Calls through the router as a transport would (tests/support/services needs vitest; this runs without it). */
export async function call<M extends Method>(services: Services, method: M, input: Input<M>): Promise<Output<M>> {
  return (await services.router.invoke(method, input)) as Output<M>;
}

/**
 * Services over a fresh temporary folder with one workspace open, already holding an import so
 * "nothing changed" is checked against real rows. `close` disposes and removes the folder.
 */
export async function openFuzzWorkspace(
  seedFile: string,
): Promise<{ services: Services; dir: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-fuzz-'));
  const services = createServices({
    homeDir: path.join(dir, 'home'),
    workspacesDir: path.join(dir, 'workspaces'),
    now: () => Date.UTC(2026, 10, 24, 8),
  });
  await call(services, 'workspace/create', { name: 'Fuzz', timeZone: 'Asia/Shanghai' });
  await call(services, 'import/run', { path: seedFile, score: false });
  return {
    services,
    dir,
    async close() {
      await services.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `c` against the open workspace of `s`, inputs under `dir`. Never throws: a broken rule
 * comes back as a `failure` outcome naming it.
 */
export async function runCase(
  s: Services,
  c: FuzzCase,
  dir: string,
  limits: RunLimits = DEFAULT_LIMITS,
): Promise<Outcome> {
  const started = performance.now();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  let outcome: Omit<Outcome, 'ms' | 'id'>;
  // Each case's input lives in its own folder, removed afterwards: thousands of multi-megabyte
  // inputs would otherwise pile up in the temporary folder.
  const caseDir = fs.mkdtempSync(path.join(dir, 'case-'));
  try {
    outcome = await checkCase(s, c, dir, caseDir, limits);
  } finally {
    clearInterval(sampler);
    fs.rmSync(caseDir, { recursive: true, force: true });
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const growth = rssPeak - rssBefore;
  if (outcome.result !== 'failure' && growth > limits.maxRssGrowthBytes) {
    outcome = { result: 'failure', message: `memory: resident size grew by ${Math.round(growth / 1024 ** 2)} MiB` };
  }
  return { id: c.id, ...outcome, ms: Math.round(performance.now() - started) };
}

async function checkCase(
  s: Services,
  c: FuzzCase,
  dir: string,
  caseDir: string,
  limits: RunLimits,
): Promise<Omit<Outcome, 'ms' | 'id'>> {
  const sqlite = s.ctx.session.workspace.sqlite;
  const done = (result: Outcome['result'], message: string): Omit<Outcome, 'ms' | 'id'> => ({ result, message });
  let seq = 0;
  try {
    const file = await c.build(caseDir);
    const map = await mappingFor(s, c, dir);
    const request: ImportRequest = { path: file, ...(c.format ? { format: c.format } : {}), ...(map ? { map } : {}) };
    const before = rowCounts(sqlite);

    const attempt = async (): Promise<{ ok: true; added: number } | { ok: false; error: unknown }> => {
      const importId = `fuzz-${(seq += 1)}`;
      const cancel = (): Promise<unknown> => call(s, 'import/cancel', { importId });
      try {
        const r = await withTimeout(
          call(s, 'import/run', { ...request, onProblem: c.onProblem, score: false, importId }),
          limits.timeoutMs,
          'import/run',
          cancel,
        );
        return { ok: true, added: r.members.added + r.activities.added + r.orders.added + r.surveys.added };
      } catch (error) {
        if (error instanceof CaseFailure) throw error;
        return { ok: false, error };
      }
    };

    // Preview first, as the UI does: it may refuse, but cleanly, and it writes nothing.
    try {
      await withTimeout(call(s, 'import/preview', request), limits.timeoutMs, 'import/preview', async () => undefined);
    } catch (error) {
      if (error instanceof CaseFailure) throw error;
      const unclean = uncleanError(error, file);
      if (unclean) throw new CaseFailure(`preview: ${unclean}`);
    }
    if (JSON.stringify(rowCounts(sqlite)) !== JSON.stringify(before))
      throw new CaseFailure('preview changed row counts');

    const first = await attempt();
    const check = integrity(sqlite);
    if (check !== 'ok') throw new CaseFailure(`integrity_check: ${check}`);
    if (!first.ok) {
      const unclean = uncleanError(first.error, file);
      if (unclean) throw new CaseFailure(unclean);
      const after = rowCounts(sqlite);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        throw new CaseFailure(`partial write: counts ${JSON.stringify(before)} became ${JSON.stringify(after)}`);
      }
      return done('rejected', (first.error as Error).message.slice(0, 300));
    }
    if (c.mustFail) throw new CaseFailure('imported an input that must be refused');
    const afterFirst = rowCounts(sqlite);
    const second = await attempt();
    if (!second.ok) throw new CaseFailure(`re-import failed where the first succeeded: ${String(second.error)}`);
    if (second.added !== 0) throw new CaseFailure(`re-import added ${second.added} rows`);
    if (JSON.stringify(rowCounts(sqlite)) !== JSON.stringify(afterFirst))
      throw new CaseFailure('re-import changed row counts');
    return done('imported', `added ${first.added}`);
  } catch (error) {
    return done('failure', error instanceof Error ? error.message : String(error));
  }
}

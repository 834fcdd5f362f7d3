/** The CLI's commands. Each goes through the same router the UI calls. */
import fs from 'node:fs';
import path from 'node:path';
import { HearthError } from '../../shared/errors';
import { importFormats, importFormatSchema, type ImportFormat } from '../../shared/import';
import type { Input, Method, Output } from '../../shared/api';
import type { Services } from '../services';
import { startHost } from '../host/server';
import { allowFlags, flag, intFlag, type ParsedArgs } from './args';
import { createDemoWorkspace } from '../services/demo-workspace';
import { fitChurn } from '../services/members/churn';
import { localClock } from '../services/calendar/clock';
import { membersCsv } from '../services/members/export';
import { recomputeMembers } from '../services/members/recompute';
import { sortableMemberColumns, type SortableMemberColumn } from '../../shared/member-grid';
import { dayNumber, dayResolver, dayToIso } from '../../shared/time';

export interface Command {
  usage: string;
  summary: string;
  run(args: ParsedArgs, services: Services): Promise<number>;
}

/** The folder with package.json: above electron/cli/ in the sources, above out/main/ when built. */
export const projectRoot = ((): string => {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

async function call<M extends Method>(services: Services, method: M, input: Input<M>): Promise<Output<M>> {
  return (await services.router.invoke(method, input)) as Output<M>;
}

function requireFile(args: ParsedArgs, what = '<file.hearth>'): string {
  const file = args.positionals[0];
  if (!file) throw new HearthError('invalid_argument', `Missing ${what}`);
  return path.resolve(file);
}

/** Checks the command's options, then opens the workspace named by the first argument. */
async function openWorkspaceArg(
  args: ParsedArgs,
  services: Services,
  command: string,
  flags: readonly string[],
): Promise<string> {
  allowFlags(args, command, flags);
  const file = requireFile(args);
  await call(services, 'workspace/open', { path: file });
  return file;
}

/** `2026-11-24` → its day number, or a clear error naming the flag. */
function dayArg(text: string, name: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (!match || dayToIso(day) !== text)
    throw new HearthError('invalid_argument', `--${name} must be a date like 2026-11-24, got "${text}"`);
  return day;
}

/** `-points` → points descending; `name` → ascending. */
function sortArg(text: string): { colId: SortableMemberColumn; sort: 'asc' | 'desc' } {
  const desc = text.startsWith('-');
  const column = desc ? text.slice(1) : text;
  if (!(sortableMemberColumns as readonly string[]).includes(column)) {
    throw new HearthError(
      'invalid_argument',
      `--sort must be one of ${sortableMemberColumns.join(', ')} (prefix - for descending), got "${text}"`,
    );
  }
  return { colId: column as SortableMemberColumn, sort: desc ? 'desc' : 'asc' };
}

function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function formatFlag(text: string): ImportFormat {
  const parsed = importFormatSchema.safeParse(text);
  if (!parsed.success)
    throw new HearthError('invalid_argument', `--format must be one of ${importFormats.join(', ')}; got "${text}"`);
  return parsed.data;
}

/** `member=CustomerID,date=InvoiceDate` → { member: 'CustomerID', date: 'InvoiceDate' }. */
function parseMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      throw new HearthError('invalid_argument', `--map expects field=column pairs separated by commas, got "${pair}"`);
    }
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}

export const commands: Record<string, Command> = {
  create: {
    usage: 'create <file.hearth> [--name N] [--tz Asia/Shanghai]',
    summary: 'create an empty workspace',
    async run(args, services) {
      allowFlags(args, 'create', ['name', 'tz', 'currency', 'locale', 'json']);
      const file = requireFile(args);
      const tz = flag(args, 'tz');
      const currency = flag(args, 'currency');
      const locale = flag(args, 'locale');
      const summary = await call(services, 'workspace/create', {
        path: file,
        name: flag(args, 'name') ?? path.basename(file, path.extname(file)),
        ...(tz ? { timeZone: tz } : {}),
        ...(currency ? { currency } : {}),
        ...(locale === 'zh-CN' || locale === 'en' ? { locale } : {}),
      });
      if (args.flags.has('json')) printJson(summary);
      else process.stdout.write(`Created ${summary.path} (${summary.name}, ${summary.timeZone})\n`);
      return 0;
    },
  },

  demo: {
    usage: 'demo <file.hearth> [--members N] [--seed S] [--now YYYY-MM-DD]',
    summary:
      'create the demo coffee-community workspace (18 months up to --now, default today); prints row counts as JSON',
    async run(args) {
      allowFlags(args, 'demo', ['members', 'seed', 'now', 'json']);
      const file = requireFile(args);
      const nowText = flag(args, 'now');
      // Same seed, size and day ⇒ the same workspace, row for row.
      const now =
        nowText === undefined ? Math.floor(Date.now() / 86_400_000) * 86_400_000 : Date.parse(`${nowText}T00:00:00Z`);
      if (!Number.isFinite(now))
        throw new HearthError('invalid_argument', `--now must be a date like 2026-11-24, got "${nowText}"`);
      const summary = await createDemoWorkspace(file, {
        members: intFlag(args, 'members', 2000),
        seed: intFlag(args, 'seed', 42),
        now,
      });
      printJson(summary);
      return 0;
    },
  },

  import: {
    usage:
      'import <file.hearth> <path> [--format F] [--map k=v,...] [--date-format F] [--encoding E] [--source S] [--on-problem skip|abort] [--no-score] [--json]',
    summary:
      'import an export file (all or nothing; re-importing adds nothing); then rescore members unless --no-score',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'import', [
        'format',
        'map',
        'date-format',
        'encoding',
        'source',
        'on-problem',
        'no-score',
        'json',
      ]);
      const source = args.positionals[1];
      if (!source) throw new HearthError('invalid_argument', 'Missing <path> of the file to import');
      const onProblem = flag(args, 'on-problem') ?? 'skip';
      if (onProblem !== 'skip' && onProblem !== 'abort') {
        throw new HearthError('invalid_argument', `--on-problem must be skip or abort, got "${onProblem}"`);
      }
      const format = flag(args, 'format');
      const map = flag(args, 'map');
      const dateFormat = flag(args, 'date-format');
      const encoding = flag(args, 'encoding');
      const sourceName = flag(args, 'source');
      const result = await call(services, 'import/run', {
        path: path.resolve(source),
        onProblem,
        score: !args.flags.has('no-score'),
        ...(format ? { format: formatFlag(format) } : {}),
        ...(map ? { map: parseMap(map) } : {}),
        ...(dateFormat ? { dateFormat } : {}),
        ...(encoding ? { encoding } : {}),
        ...(sourceName ? { source: sourceName } : {}),
      });
      if (args.flags.has('json')) printJson(result);
      else {
        process.stdout.write(
          `${result.format}: members +${result.members.added} (${result.members.matched} matched), ` +
            `activities +${result.activities.added} (${result.activities.duplicates} duplicates), ` +
            `orders +${result.orders.added}, surveys +${result.surveys.added}` +
            `${result.batchId === null ? ' — nothing new, no batch recorded' : ` — batch ${result.batchId}`}\n`,
        );
        for (const e of result.errors.slice(0, 20)) process.stdout.write(`  line ${e.line} ${e.field}: ${e.message}\n`);
      }
      return 0;
    },
  },

  batches: {
    usage: 'batches <file.hearth> [--json]',
    summary: 'list import batches',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'batches', ['json']);
      const batches = await call(services, 'import/batches', {});
      if (args.flags.has('json')) printJson(batches);
      else {
        for (const b of batches) {
          process.stdout.write(
            `${String(b.id).padStart(4)}  ${b.status.padEnd(7)} ${b.format.padEnd(18)} ${b.file}  ${new Date(b.startedAt).toISOString()}\n`,
          );
        }
      }
      return 0;
    },
  },

  undo: {
    usage: 'undo <file.hearth> <batchId> [--json]',
    summary: 'remove exactly the rows an import batch added',
    async run(args, services) {
      const batchId = Number(args.positionals[1]);
      if (!Number.isInteger(batchId) || batchId <= 0)
        throw new HearthError('invalid_argument', 'Missing or invalid <batchId>');
      await openWorkspaceArg(args, services, 'undo', ['json']);
      const result = await call(services, 'import/undo', { batchId });
      if (args.flags.has('json')) printJson(result);
      else
        process.stdout.write(
          `Undone batch ${batchId}: removed ${result.activities} activities, ${result.orders} orders, ${result.surveys} survey answers, ${result.members} members\n`,
        );
      return 0;
    },
  },

  recompute: {
    usage: 'recompute <file.hearth> [--as-of YYYY-MM-DD] [--json]',
    summary:
      "recompute points balances, tiers, circles, RFM, KOC and churn scores (as of today in the workspace's time zone)",
    async run(args, services) {
      const file = await openWorkspaceArg(args, services, 'recompute', ['as-of', 'json']);
      const asOf = flag(args, 'as-of');
      const summary =
        asOf === undefined
          ? await call(services, 'members/recompute', {})
          : recomputeMembers(services.ctx.session.workspace.sqlite, {
              asOfDay: dayArg(asOf, 'as-of'),
              timeZone: services.ctx.session.summary()?.timeZone ?? 'UTC',
              now: services.ctx.now(),
              checkpoints: services.ctx.session.checkpoints,
            });
      if (args.flags.has('json')) printJson(summary);
      else {
        process.stdout.write(
          `${path.basename(file)}: ${summary.members} members scored as of ${dayToIso(summary.asOfDay)} in ${summary.durationMs} ms ` +
            `(${summary.promoted} promoted, ${summary.demoted} demoted, ${summary.expiredPoints} points expired)\n`,
        );
      }
      return 0;
    },
  },

  members: {
    usage: 'members <file.hearth> [--tier T] [--sort F] [--limit N] (--json | --csv)',
    summary: 'list members with their scores; --sort takes a column, - for descending (e.g. --sort -points)',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'members', ['tier', 'sort', 'limit', 'json', 'csv']);
      const json = args.flags.has('json');
      const csv = args.flags.has('csv');
      if (json === csv) throw new HearthError('invalid_argument', 'members needs exactly one of --json or --csv');
      const tier = flag(args, 'tier');
      const sortText = flag(args, 'sort');
      const sort = sortText === undefined ? [] : [sortArg(sortText)];
      const limit = intFlag(args, 'limit', 100);
      if (limit < 1 || limit > 1_000_000)
        throw new HearthError('invalid_argument', `--limit must be between 1 and 1000000, got ${limit}`);
      const filter = tier === undefined ? {} : { tiers: [tier] };
      if (csv) {
        const rules = await call(services, 'members/rules/get', {});
        const summary = services.ctx.session.summary();
        process.stdout.write(
          membersCsv(services.ctx.session.workspace.sqlite, {
            filter,
            sort,
            limit,
            rules,
            timeZone: summary?.timeZone ?? 'UTC',
            language: summary?.locale ?? 'en',
          }),
        );
        return 0;
      }
      const rows = [];
      for (let start = 0; start < limit; start += 1000) {
        const page = await call(services, 'members/grid', {
          filter,
          sort,
          start,
          limit: Math.min(1000, limit - start),
        });
        rows.push(...page.rows);
        if (page.rows.length < 1000) break;
      }
      printJson(rows);
      return 0;
    },
  },

  churn: {
    usage: 'churn <file.hearth> [--as-of YYYY-MM-DD] [--unit day|week] [--source orders|activity] [--horizon N] --json',
    summary:
      "fit BG/NBD (and Gamma-Gamma on orders) and print the model and every member's P(alive), expected events and CLV",
    async run(args, services) {
      await openWorkspaceArg(args, services, 'churn', ['as-of', 'unit', 'source', 'horizon', 'json']);
      if (!args.flags.has('json')) throw new HearthError('invalid_argument', 'churn prints JSON: add --json');
      const rules = await call(services, 'members/rules/get', {});
      const unit = flag(args, 'unit') ?? rules.churn.unit;
      if (unit !== 'day' && unit !== 'week')
        throw new HearthError('invalid_argument', `--unit must be day or week, got "${unit}"`);
      const source = flag(args, 'source') ?? 'auto';
      if (source !== 'orders' && source !== 'activity' && source !== 'auto') {
        throw new HearthError('invalid_argument', `--source must be orders or activity, got "${source}"`);
      }
      const asOf = flag(args, 'as-of');
      const timeZone = services.ctx.session.summary()?.timeZone ?? 'UTC';
      const asOfDay = asOf === undefined ? dayResolver(timeZone)(services.ctx.now()) : dayArg(asOf, 'as-of');
      const result = fitChurn(services.ctx.session.workspace.sqlite, {
        asOfDay,
        unit,
        source,
        horizon: intFlag(args, 'horizon', rules.churn.horizon),
      });
      printJson({
        model: result.model && {
          r: result.model.r,
          alpha: result.model.alpha,
          a: result.model.a,
          b: result.model.b,
          logLik: result.model.logLik,
          n: result.model.n,
        },
        spend: result.spend && { p: result.spend.p, q: result.spend.q, gamma: result.spend.gamma },
        source: result.source,
        unit: result.unit,
        asOf: dayToIso(asOfDay),
        members: result.members,
      });
      return 0;
    },
  },

  kpi: {
    usage: 'kpi <file.hearth> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--compare previous|last_year] --json',
    summary:
      "the KPI dashboard for a period (default: the 30 days ending today in the workspace's time zone): metrics, colours, scorecard",
    async run(args, services) {
      await openWorkspaceArg(args, services, 'kpi', ['from', 'to', 'compare', 'json']);
      if (!args.flags.has('json')) throw new HearthError('invalid_argument', 'kpi prints JSON: add --json');
      const from = flag(args, 'from');
      const to = flag(args, 'to');
      const compare = flag(args, 'compare') ?? 'previous';
      if (compare !== 'previous' && compare !== 'last_year')
        throw new HearthError('invalid_argument', `--compare must be previous or last_year, got "${compare}"`);
      if (from !== undefined) dayArg(from, 'from');
      if (to !== undefined) dayArg(to, 'to');
      const dashboard = await call(services, 'kpi/dashboard', {
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        compare,
        // Definitions in the workspace's language, as its reports use.
        language: services.ctx.session.summary()?.locale ?? 'en',
      });
      printJson({
        period: dashboard.period,
        previousPeriod: dashboard.previousPeriod,
        overall: dashboard.overall,
        metrics: dashboard.metrics.map((m) => ({
          id: m.id,
          value: m.value,
          previous: m.previous,
          delta: m.delta,
          status: m.status,
          definition: m.definition,
        })),
        scorecard: dashboard.scorecard,
        goals: dashboard.goals.map((g) => ({
          id: g.id,
          metric: g.metric,
          target: g.target,
          dueDay: g.dueDay,
          horizon: g.horizon,
          baseline: g.baseline,
          current: g.current,
          progress: g.progress,
          forecast: g.forecast,
          status: g.status,
        })),
        computedMs: dashboard.computedMs,
      });
      return 0;
    },
  },

  calendar: {
    usage: 'calendar <file.hearth> [--from YYYY-MM-DD] [--to YYYY-MM-DD] (--ics <out.ics> | --csv <out.csv> | --json)',
    summary:
      'the content calendar: export iCalendar or CSV, or print items, conflicts, gaps and the content mix as JSON',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'calendar', ['from', 'to', 'ics', 'csv', 'json']);
      const from = flag(args, 'from');
      const to = flag(args, 'to');
      if (from !== undefined) dayArg(from, 'from');
      if (to !== undefined) dayArg(to, 'to');
      // `csv` is also a switch (members --csv), so its path may arrive as the next positional.
      const csvValue = args.flags.get('csv');
      const csv = typeof csvValue === 'string' ? csvValue : csvValue === true ? args.positionals[1] : undefined;
      if (csvValue === true && csv === undefined)
        throw new HearthError('invalid_argument', '--csv needs the path of the file to write', { flag: 'csv' });
      const ics = flag(args, 'ics');
      const outputs = [ics, csv, args.flags.has('json') ? 'json' : undefined].filter((o) => o !== undefined);
      if (outputs.length !== 1)
        throw new HearthError(
          'invalid_argument',
          'calendar needs exactly one of --ics <out.ics>, --csv <out.csv> or --json',
        );
      const range = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
      if (ics !== undefined || csv !== undefined) {
        const language = services.ctx.session.summary()?.locale ?? 'en';
        const format = ics !== undefined ? 'ics' : 'csv';
        const written = await call(services, 'calendar/export', {
          format,
          ...range,
          language,
          path: path.resolve((ics ?? csv) as string),
        });
        printJson(written);
        return 0;
      }
      const today = localClock(services.ctx.session.summary()?.timeZone ?? 'UTC')
        .toLocal(services.ctx.now())
        .slice(0, 10);
      const start = from ?? today;
      const end = to ?? new Date(Date.parse(`${start}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
      const view = await call(services, 'calendar/range', { from: start, to: end, filter: {} });
      printJson({
        from: view.from,
        to: view.to,
        items: view.items,
        backlog: view.backlog,
        conflicts: view.conflicts,
        gaps: view.gaps,
        overloads: view.overloads,
        mix: view.mix,
        highValue: view.highValue,
      });
      return 0;
    },
  },

  scan: {
    usage: 'scan <file.hearth> [--from YYYY-MM-DD] [--to YYYY-MM-DD] --json',
    summary: 'crisis monitoring over imported messages (default: the last 7 days): prints the alerts raised',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'scan', ['from', 'to', 'json']);
      if (!args.flags.has('json')) throw new HearthError('invalid_argument', 'scan prints JSON: add --json');
      const from = flag(args, 'from');
      const to = flag(args, 'to');
      if (from !== undefined) dayArg(from, 'from');
      if (to !== undefined) dayArg(to, 'to');
      const result = await call(services, 'crisis/scan', {
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      });
      printJson(
        result.alerts.map((a) => ({
          rule: a.rule,
          colour: a.colour,
          level: a.level,
          count: a.count,
          evidence: a.evidence.map((e) => ({ activityId: e.activityId, memberId: e.memberId, text: e.text })),
          name: a.name,
          channel: a.channel,
          from: a.from,
          to: a.to,
          detail: a.detail,
        })),
      );
      process.stderr.write(
        `scanned ${result.messages} messages (${result.from} – ${result.to}) in ${Math.round(result.elapsedMs)} ms\n`,
      );
      return 0;
    },
  },

  report: {
    usage:
      'report <file.hearth> --out <report.pdf> [--html <report.html>] [--from YYYY-MM-DD --to YYYY-MM-DD] [--locale zh-CN|en]',
    summary: 'a stakeholder report for a period (default: last month) as an A4 PDF and optionally self-contained HTML',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'report', ['out', 'html', 'from', 'to', 'locale', 'mask']);
      const out = flag(args, 'out');
      if (out === undefined)
        throw new HearthError('invalid_argument', 'report needs --out <report.pdf>', { flag: 'out' });
      const html = flag(args, 'html');
      const from = flag(args, 'from');
      const to = flag(args, 'to');
      if (from !== undefined) dayArg(from, 'from');
      if (to !== undefined) dayArg(to, 'to');
      const locale = flag(args, 'locale') ?? services.ctx.session.summary()?.locale ?? 'zh-CN';
      if (locale !== 'zh-CN' && locale !== 'en')
        throw new HearthError('invalid_argument', `--locale must be zh-CN or en, got "${locale}"`, { flag: 'locale' });
      const saved = await call(services, 'report/save', {
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        locale,
        maskNames: flag(args, 'mask') === 'names',
        pdf: true,
        html: html !== undefined,
        pdfPath: path.resolve(out),
        ...(html === undefined ? {} : { htmlPath: path.resolve(html) }),
      });
      printJson(saved);
      return 0;
    },
  },

  share: {
    usage: 'share <file.hearth> --to <dir> [--from YYYY-MM-DD --to-day YYYY-MM-DD] [--locale zh-CN|en] --json',
    summary:
      'publish a team-share bundle (report, exports, snapshot, manifest) into <dir>/<workspace>/<YYYY-MM-DD_HHmm>/',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'share', ['to', 'from', 'to-day', 'locale', 'json']);
      const to = flag(args, 'to');
      if (to === undefined)
        throw new HearthError('invalid_argument', 'share needs --to <dir>, the team-share folder', { flag: 'to' });
      if (!args.flags.has('json')) throw new HearthError('invalid_argument', 'share prints JSON: add --json');
      const from = flag(args, 'from');
      const toDay = flag(args, 'to-day');
      if (from !== undefined) dayArg(from, 'from');
      if (toDay !== undefined) dayArg(toDay, 'to-day');
      const locale = flag(args, 'locale');
      if (locale !== undefined && locale !== 'zh-CN' && locale !== 'en')
        throw new HearthError('invalid_argument', `--locale must be zh-CN or en, got "${locale}"`, { flag: 'locale' });
      const result = await call(services, 'share/publish', {
        to: path.resolve(to),
        ...(from === undefined ? {} : { from }),
        ...(toDay === undefined ? {} : { toDay }),
        ...(locale === undefined ? {} : { locale }),
      });
      printJson({ bundle: result.bundle, manifest: result.manifest });
      return 0;
    },
  },

  restore: {
    usage: 'restore <bundleDir> --to <new.hearth>',
    summary: 'verify a team-share bundle against its manifest and restore its snapshot as a new workspace',
    async run(args, services) {
      allowFlags(args, 'restore', ['to', 'json']);
      const bundle = args.positionals[0];
      if (!bundle) throw new HearthError('invalid_argument', 'restore needs the bundle folder', { flag: 'bundle' });
      const to = flag(args, 'to');
      if (to === undefined)
        throw new HearthError('invalid_argument', 'restore needs --to <new.hearth>', { flag: 'to' });
      const summary = await call(services, 'share/restore', { bundle: path.resolve(bundle), to: path.resolve(to) });
      printJson({ path: summary.path, name: summary.name });
      return 0;
    },
  },

  where: {
    usage: 'where [--json]',
    summary: 'where Hearth keeps its state and new workspaces',
    async run(args, services) {
      allowFlags(args, 'where', ['json']);
      const info = await call(services, 'app/info', {});
      const where = { homeDir: services.ctx.homeDir, workspacesDir: info.workspacesDir };
      if (args.flags.has('json')) printJson(where);
      else process.stdout.write(`state:      ${where.homeDir}\nworkspaces: ${where.workspacesDir}\n`);
      return 0;
    },
  },

  info: {
    usage: 'info <file.hearth> [--json]',
    summary: 'schema version, name and row counts',
    async run(args, services) {
      await openWorkspaceArg(args, services, 'info', ['json']);
      const info = await call(services, 'workspace/info', {});
      if (args.flags.has('json')) {
        printJson(info);
      } else {
        process.stdout.write(`${info.name} — schema ${info.schemaVersion}\n`);
        for (const [table, count] of Object.entries(info.counts)) {
          process.stdout.write(`  ${table.padEnd(16)} ${count}\n`);
        }
      }
      return 0;
    },
  },

  serve: {
    usage: 'serve <file.hearth> [--port P]',
    summary: 'run the browser host on 127.0.0.1 and print its URL',
    async run(args, services) {
      allowFlags(args, 'serve', ['port']);
      const file = requireFile(args);
      const staticDir = path.join(projectRoot, 'out', 'renderer');
      if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
        throw new HearthError('not_found', `The UI is not built (${staticDir} is missing). Run: npm run build`);
      }
      await call(services, 'workspace/open', { path: file });
      const host = await startHost({ services, staticDir, port: intFlag(args, 'port', 0) });
      process.stdout.write(
        `Hearth is running at ${host.url}\nOpen that address in your browser. Press Ctrl+C to stop.\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void host.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    },
  },
};

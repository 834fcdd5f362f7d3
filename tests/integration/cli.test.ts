import { latestSchemaVersion } from '../../db/migrations';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../shared/kpi/period';
import { hearth } from '../support/cli';
import { tempDir } from '../support/tmp';

function env(dir: string): Record<string, string> {
  return { HEARTH_HOME: path.join(dir, 'home'), HEARTH_WORKSPACES_DIR: path.join(dir, 'ws') };
}

describe('hearth CLI', () => {
  it('creates an empty workspace and reports it with info --json', () => {
    const dir = tempDir();
    const file = path.join(dir, 'acme.hearth');
    const created = hearth(['create', file, '--name', '山岚咖啡', '--tz', 'Asia/Shanghai'], env(dir));
    expect(created.status, created.stderr).toBe(0);
    const info = hearth(['info', file, '--json'], env(dir));
    expect(info.status, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toEqual({
      schemaVersion: latestSchemaVersion,
      name: '山岚咖啡',
      counts: { member: 0, identity: 0, activity: 0, order: 0, survey_response: 0, content_item: 0, incident: 0 },
    });
  });

  it('fails with one clear line on stderr and a non-zero exit', () => {
    const dir = tempDir();
    const missing = hearth(['info', path.join(dir, 'nope.hearth'), '--json'], env(dir));
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^hearth: No workspace file at .*nope\.hearth/);

    const notOurs = path.join(dir, 'notes.hearth');
    fs.writeFileSync(notOurs, 'hello');
    const refused = hearth(['info', notOurs, '--json'], env(dir));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/not a Hearth workspace/);
    expect(fs.readFileSync(notOurs, 'utf8')).toBe('hello');

    const badTz = hearth(['create', path.join(dir, 'x.hearth'), '--tz', 'Mars/Base'], env(dir));
    expect(badTz.status).toBe(2);
    expect(badTz.stderr).toMatch(/timeZone/);
    expect(fs.existsSync(path.join(dir, 'x.hearth'))).toBe(false);

    const typo = hearth(['create', path.join(dir, 'y.hearth'), '--nmae', 'x'], env(dir));
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/Unknown option --nmae/);
  });

  it('makes the demo workspace deterministically and reports its row counts', () => {
    const dir = tempDir();
    const runs = ['a', 'b'].map((name) => {
      const file = path.join(dir, `${name}.hearth`);
      const demo = hearth(['demo', file, '--members', '120', '--seed', '5', '--now', '2026-06-01'], env(dir));
      expect(demo.status, demo.stderr).toBe(0);
      const { seconds, ...counts } = JSON.parse(demo.stdout) as Record<string, number>;
      expect(seconds).toBeGreaterThan(0);
      const info = JSON.parse(hearth(['info', file, '--json'], env(dir)).stdout) as { counts: Record<string, number> };
      expect(info.counts).toEqual(counts);
      return counts;
    });
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).toMatchObject({ member: 120, incident: 1 });
    expect(runs[0]?.activity).toBeGreaterThan(120 * 4);
  });
  it('prints the KPI dashboard as JSON: metrics, scorecard and goals', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kpi.hearth');
    expect(hearth(['create', file, '--tz', 'Asia/Shanghai', '--locale', 'zh-CN'], env(dir)).status).toBe(0);
    const csv = path.join(dir, 'activity.csv');
    fs.writeFileSync(csv, 'user_id,name,date,kind,text\na,Ann,2026-10-05 10:00,message,hi\nb,Bo,2026-10-06 10:00,ugc_post,latte\n');
    expect(hearth(['import', file, csv, '--format', 'csv', '--map', 'member=user_id,name=name,date=date,kind=kind,text=text'], env(dir)).status).toBe(0);

    const empty = hearth(['kpi', file, '--from', '2026-10-01', '--to', '2026-10-30', '--json'], env(dir));
    expect((JSON.parse(empty.stdout) as { goals: unknown[] }).goals).toEqual([]);
    // A goal as the Dashboard would store it: MAU 1 on 1 October, 3 by 1 January.
    const db = new BetterSqlite3(file);
    db.prepare("INSERT INTO kpi_goal (metric, target, due_day, horizon, baseline, baseline_day, created_at) VALUES ('mau', 3, ?, 'short', 1, ?, 0)").run(
      isoToDay('2027-01-01'),
      isoToDay('2026-10-01'),
    );
    db.close();

    const run = hearth(['kpi', file, '--from', '2026-10-01', '--to', '2026-10-30', '--json'], env(dir));
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      period: unknown;
      metrics: Record<string, unknown>[];
      scorecard: { score: number | null; dimensions: unknown[] };
      goals: unknown[];
    };
    expect(out.period).toEqual({ from: '2026-10-01', to: '2026-10-30' });
    // MAU 1 → 2 over 29 days, projected 63 days on to 1 January: 2 + 63 / 29 ≥ 3.
    expect(out.goals).toEqual([
      {
        id: 1,
        metric: 'mau',
        target: 3,
        dueDay: '2027-01-01',
        horizon: 'short',
        baseline: 1,
        current: 2,
        progress: 0.5,
        forecast: expect.closeTo(2 + 63 / 29, 9) as number,
        status: 'on_track',
      },
    ]);
    expect(out.scorecard.dimensions).toHaveLength(3);
    for (const metric of out.metrics) expect(Object.keys(metric).sort()).toEqual(['definition', 'delta', 'id', 'previous', 'status', 'value']);
    const byId = new Map(out.metrics.map((m) => [m['id'], m]));
    expect(byId.get('members_total')).toMatchObject({ value: 2, previous: null });
    expect(byId.get('mau')).toMatchObject({ value: 2 });
    // The workspace speaks Chinese, so do the definitions.
    expect(byId.get('nps')).toMatchObject({ value: null, status: null, definition: expect.stringMatching(/净推荐值/) });

    const bad = hearth(['kpi', file, '--from', '2026-13-01', '--json'], env(dir));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--from/);
  });
});

describe('hearth CLI: members and churn', () => {
  it('recomputes, lists members as JSON and CSV, and prints the churn model in the documented shape', () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.hearth');
    expect(hearth(['create', file, '--tz', 'Asia/Shanghai'], env(dir)).status).toBe(0);
    // 40 customers: customer c buys on c % 4 + 1 distinct days, a week apart, from 2026-01-0(1 + c % 7).
    const lines = ['customer,date,amount,order_id'];
    for (let c = 0; c < 40; c += 1) {
      for (let k = 0; k <= c % 4; k += 1) {
        const day = new Date(Date.UTC(2026, 0, 1 + (c % 7) + 7 * k)).toISOString().slice(0, 10).replaceAll('-', '');
        lines.push(`c${c},${day},${50 + c + k},o-${c}-${k}`);
      }
    }
    const orders = path.join(dir, 'orders.csv');
    fs.writeFileSync(orders, `${lines.join('\n')}\n`);
    const imported = hearth(['import', file, orders, '--map', 'member=customer,date=date,amount=amount,order=order_id', '--date-format', 'YYYYMMDD', '--json'], env(dir));
    expect(imported.status, imported.stderr).toBe(0);

    const churn = hearth(['churn', file, '--as-of', '2026-03-01', '--unit', 'week', '--json'], env(dir));
    expect(churn.status, churn.stderr).toBe(0);
    const out = JSON.parse(churn.stdout) as {
      model: Record<string, number>;
      spend: Record<string, number> | null;
      members: Record<string, number | null>[];
    };
    expect(Object.keys(out.model).sort()).toEqual(['a', 'alpha', 'b', 'logLik', 'n', 'r']);
    expect(out.model.n).toBe(40);
    expect(Object.keys(out.spend ?? {}).sort()).toEqual(['gamma', 'p', 'q']);
    expect(out.members).toHaveLength(40);
    for (const m of out.members) expect(Object.keys(m).sort()).toEqual(['T', 'clv', 'expected', 'frequency', 'memberId', 'pAlive', 'recency']);
    // Customer c3 bought on 2026-01-04, -11, -18, -25: 3 repeat days, recency 3 weeks, T = 56 days = 8 weeks.
    const frequencies = out.members.map((m) => m.frequency).sort();
    expect(frequencies.filter((f) => f === 3)).toHaveLength(10);
    const c3 = out.members.find((m) => m.frequency === 3 && m.T === 8);
    expect(c3).toMatchObject({ recency: 3 });

    const recompute = hearth(['recompute', file, '--json'], env(dir));
    expect(recompute.status, recompute.stderr).toBe(0);
    expect(JSON.parse(recompute.stdout)).toMatchObject({ members: 40 });

    const listed = hearth(['members', file, '--sort', '-identities', '--limit', '3', '--json'], env(dir));
    expect(listed.status, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as { name: string; tier: string }[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ tier: 'newcomer' });

    const csv = hearth(['members', file, '--tier', 'newcomer', '--limit', '2', '--csv'], env(dir));
    expect(csv.status, csv.stderr).toBe(0);
    const csvLines = csv.stdout.split('\r\n').filter((l) => l.length > 0);
    expect(csvLines[0]?.startsWith('\uFEFF')).toBe(true);
    expect(csvLines).toHaveLength(3);

    const neither = hearth(['members', file], env(dir));
    expect(neither.status).toBe(2);
    expect(neither.stderr).toMatch(/--json or --csv/);
  });

  it('exports the demo calendar as iCalendar and CSV and prints it as JSON', () => {
    const dir = tempDir();
    const file = path.join(dir, 'demo.hearth');
    expect(hearth(['demo', file, '--members', '60', '--seed', '3', '--now', '2026-11-24'], env(dir)).status).toBe(0);

    const json = hearth(['calendar', file, '--from', '2026-11-23', '--to', '2026-11-29', '--json'], env(dir));
    expect(json.status, json.stderr).toBe(0);
    const view = JSON.parse(json.stdout) as { from: string; items: { title: string; start: string; seriesId: number | null }[]; mix: { group: string }[] };
    expect(view.from).toBe('2026-11-23');
    // The daily series gives one post a day, the weekly theme day one on Wednesday.
    expect(view.items.filter((i) => i.title === '早安咖啡 · 每日一图').map((i) => i.start)).toHaveLength(7);
    expect(view.items.filter((i) => i.title === '周三手冲课堂').map((i) => i.start)).toEqual(['2026-11-25T20:00']);
    expect(view.mix.map((g) => g.group)).toEqual(['pillar', 'format', 'source']);

    const ics = path.join(dir, 'plan.ics');
    const exported = hearth(['calendar', file, '--from', '2026-11-01', '--to', '2026-11-30', '--ics', ics], env(dir));
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ path: ics });
    const text = fs.readFileSync(ics, 'utf8');
    expect(text).toContain('RRULE:FREQ=DAILY;INTERVAL=1');
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:');

    const csv = path.join(dir, 'plan.csv');
    expect(hearth(['calendar', file, '--csv', csv], env(dir)).status).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').startsWith('\uFEFF')).toBe(true);

    const neither = hearth(['calendar', file], env(dir));
    expect(neither.status).toBe(2);
    expect(neither.stderr).toMatch(/--ics <out.ics>, --csv <out.csv> or --json/);
  });
});

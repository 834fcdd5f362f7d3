/** Member handlers: the grid, the overview, one member's detail, points, tags, export, recompute, rules. */
import path from 'node:path';
import { listMergesFor, memberBriefs } from '../../../db/queries/members';
import { addPointsEntries, activityTimeline, memberLedger, readMemberModel, tagCounts, tierHistory, updateTags } from '../../../db/queries/member-ledger';
import { ensureKpiCache } from '../../../db/queries/kpi-cache';
import { readMemberRules, writeMemberRules } from '../../../db/queries/member-rules';
import { memberCount, memberDistribution, memberIdsFor, memberPage } from '../../../db/queries/member-scores';
import { HearthError } from '../../../shared/errors';
import { memberColumns, type MemberOverview, type MemberTarget } from '../../../shared/member-grid';
import type { MemberRules } from '../../../shared/members/rules';
import { dayResolver } from '../../../shared/time';
import type { Handlers } from '../router';
import { exportFileName } from '../exports';
import type { ServiceContext } from '../context';
import { explainMember } from './explain';
import { exportMembersCsv } from './export';
import { resolveMemberFilter } from './filter';
import { recomputeMembers, rescorePoints } from './recompute';


/** Up to this many members a points change is rescored member by member (~0.1 ms each). */
const RESCORE_IN_PLACE_MAX = 5_000;

function settings(ctx: ServiceContext): { timeZone: string; name: string } {
  const summary = ctx.session.summary();
  if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
  return summary;
}

function today(ctx: ServiceContext): number {
  return dayResolver(settings(ctx).timeZone)(ctx.now());
}

function targetIds(ctx: ServiceContext, target: MemberTarget, rules: MemberRules): number[] {
  const sqlite = ctx.session.workspace.sqlite;
  if ('ids' in target) {
    const live = new Set(
      sqlite
        .prepare<[], { id: number }>(`SELECT id FROM member WHERE merged_into IS NULL AND id IN (${target.ids.map((id) => Math.trunc(id)).join(', ')})`)
        .all()
        .map((r) => r.id),
    );
    const missing = target.ids.filter((id) => !live.has(id));
    if (missing.length > 0) throw new HearthError('not_found', `No member ${missing.slice(0, 5).join(', ')}`, { memberIds: missing.slice(0, 20) });
    return [...live];
  }
  return memberIdsFor(sqlite, resolveMemberFilter(target.filter, settings(ctx).timeZone), rules.churn.riskThreshold);
}

/**
 * Runs a recompute as of today in the workspace's time zone, refreshes the dashboard's derived
 * tables, and tells the UIs.
 *
 * @example
 * await recomputeNow(ctx) // { members: 1200, … }
 */
export function recomputeNow(ctx: ServiceContext): ReturnType<typeof recomputeMembers> {
  const ws = ctx.session.workspace;
  const summary = recomputeMembers(ws.sqlite, {
    asOfDay: today(ctx),
    timeZone: settings(ctx).timeZone,
    now: ctx.now(),
    checkpoints: ctx.session.checkpoints,
  });
  // The dashboard's derived tables follow the same changes; rebuilding them here keeps the next
  // dashboard open instant instead of paying for it then.
  ensureKpiCache(ws.sqlite, settings(ctx).timeZone, ctx.now());
  ctx.events.emit({ type: 'data/changed', path: ws.file });
  return summary;
}

export const memberHandlers: Handlers = {
  'members/grid': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const filter = resolveMemberFilter(input.filter, settings(ctx).timeZone);
    return { rows: memberPage(sqlite, { ...input, filter }, readMemberRules(sqlite).churn.riskThreshold) };
  },

  'members/count': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const filter = resolveMemberFilter(input.filter, settings(ctx).timeZone);
    return { count: memberCount(sqlite, filter, readMemberRules(sqlite).churn.riskThreshold) };
  },

  'members/overview': async (_input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const rules = readMemberRules(sqlite);
    const model = readMemberModel(sqlite);
    const tiers = new Map(memberDistribution(sqlite, 'tier').map((d) => [d.value, d.count]));
    const distribution = (column: 'circle' | 'lifecycle' | 'rfm_segment'): { value: string; count: number }[] =>
      memberDistribution(sqlite, column).flatMap((d) => (d.value === null ? [] : [{ value: d.value, count: d.count }]));
    const circles = distribution('circle');
    const count = (sql: string): number => sqlite.prepare<[], { n: number }>(sql).get()?.n ?? 0;
    const summary = (model?.summary ?? {}) as { churn?: MemberOverview['churn'] };
    return {
      computedAt: model?.computedAt ?? null,
      asOfDay: model?.asOfDay ?? null,
      members: count('SELECT count(*) AS n FROM member WHERE merged_into IS NULL'),
      scored: count('SELECT count(*) AS n FROM member_score'),
      tiers: rules.tiers.ladder.map((t) => ({ id: t.id, name: t.name, threshold: t.threshold, count: tiers.get(t.id) ?? 0 })),
      circles,
      lifecycles: distribution('lifecycle'),
      rfmSegments: distribution('rfm_segment'),
      activeMembers: circles.filter((c) => c.value === 'core' || c.value === 'active').reduce((sum, c) => sum + c.count, 0),
      kocMembers: count(`SELECT count(*) AS n FROM member_score WHERE is_koc = 1 AND circle IN ('core', 'active')`),
      atRisk: memberCount(sqlite, { atRisk: true }, rules.churn.riskThreshold),
      riskThreshold: rules.churn.riskThreshold,
      churn: summary.churn ?? null,
      tags: tagCounts(sqlite),
    };
  },

  'members/detail': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const rules = readMemberRules(sqlite);
    const [member] = memberBriefs(sqlite, [input.id]);
    if (!member) throw new HearthError('not_found', `No member ${input.id}`, { memberId: input.id });
    const asOfDay = readMemberModel(sqlite)?.asOfDay ?? today(ctx);
    const [score] = memberPage(sqlite, { filter: { ids: [input.id] }, sort: [], start: 0, limit: 1 }, rules.churn.riskThreshold);
    const explained = explainMember(sqlite, input.id, rules, asOfDay, settings(ctx).timeZone);
    // The ledger shows everything recorded so far: a grant made since the last recompute (which may
    // have been on an earlier day) is already in the balance that rescoring stored.
    const ledger = memberLedger(sqlite, input.id, Math.max(asOfDay, today(ctx)), input.ledgerLimit);
    return {
      member,
      tags: sqlite.prepare<[number], { tag: string }>('SELECT tag FROM member_tag WHERE member_id = ? ORDER BY tag').all(input.id).map((t) => t.tag),
      score: score ?? null,
      rfm: explained.rfm,
      pAlive: explained.pAlive,
      explanations: explained.explanations,
      tierHistory: tierHistory(sqlite, input.id),
      ledger: { balance: ledger.balance, entries: ledger.lines, more: ledger.more },
      timeline: activityTimeline(sqlite, input.id, 50),
      merges: listMergesFor(sqlite, input.id),
    };
  },

  'members/points/adjust': async (input, ctx) => {
    const ws = ctx.session.workspace;
    const rules = readMemberRules(ws.sqlite);
    const ids = targetIds(ctx, input.target, rules);
    ws.sqlite.transaction(() =>
      addPointsEntries(ws.sqlite, ids, { kind: input.kind, points: input.points, reason: input.reason, day: today(ctx), ts: ctx.now() }),
    )();
    // Tiers are promoted at once, so the change shows now: a few members are rescored in place, a
    // large selection (or a setup that needs everyone) gets a full recompute.
    const quick =
      ids.length <= RESCORE_IN_PLACE_MAX
        ? rescorePoints(ws.sqlite, ids, { asOfDay: today(ctx), timeZone: settings(ctx).timeZone, now: ctx.now() })
        : null;
    if (quick) {
      ctx.events.emit({ type: 'data/changed', path: ws.file });
      return { members: ids.length, promoted: quick.promoted };
    }
    return { members: ids.length, promoted: recomputeNow(ctx).promoted };
  },

  'members/tags/update': async (input, ctx) => {
    const ws = ctx.session.workspace;
    const ids = targetIds(ctx, input.target, readMemberRules(ws.sqlite));
    const changed = ws.sqlite.transaction(() => updateTags(ws.sqlite, ids, input.tag, input.action))();
    ctx.events.emit({ type: 'data/changed', path: ws.file });
    return { members: changed };
  },

  'members/export': async (input, ctx) => {
    const ws = ctx.session.workspace;
    const { timeZone, name } = settings(ctx);
    const file = input.path ? path.resolve(input.path) : path.join(ctx.workspacesDir, 'Exports', exportFileName(name, 'members', 'csv', new Date(ctx.now())));
    const rows = exportMembersCsv(ws.sqlite, {
      filter: resolveMemberFilter(input.filter, timeZone),
      sort: input.sort,
      columns: input.columns ?? memberColumns,
      language: input.language,
      file,
      rules: readMemberRules(ws.sqlite),
      dayOf: dayResolver(timeZone),
    });
    return { path: file, rows };
  },

  'members/recompute': async (_input, ctx) => recomputeNow(ctx),

  'members/rules/get': async (_input, ctx) => readMemberRules(ctx.session.workspace.sqlite),

  'members/rules/set': async (input, ctx) => {
    writeMemberRules(ctx.session.workspace.sqlite, input);
    recomputeNow(ctx);
    return readMemberRules(ctx.session.workspace.sqlite);
  },
};

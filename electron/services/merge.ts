/** Identity-merge handlers: suggestions, merge by hand or from a suggestion, reject, unmerge, history. */
import { listMerges, memberBriefs, searchMembers } from '../../db/queries/members';
import { mergeMembers, rejectMerge, suggestMerges, unmergeMembers } from '../../db/queries/merge';
import type { Handlers } from './router';

export const mergeHandlers: Handlers = {
  'members/search': async (input, ctx) => searchMembers(ctx.session.workspace.sqlite, input.query, input.limit),

  'members/merge-suggestions': async (input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const candidates = suggestMerges(sqlite, input.limit);
    const briefs = new Map(memberBriefs(sqlite, [...new Set(candidates.flatMap((c) => [c.a, c.b]))]).map((m) => [m.id, m]));
    return candidates.flatMap((c) => {
      const a = briefs.get(c.a);
      const b = briefs.get(c.b);
      return a && b ? [{ a, b, reason: c.reason, score: c.score, detail: c.detail }] : [];
    });
  },

  'members/merge': async (input, ctx) => {
    const ws = ctx.session.workspace;
    const mergeId = mergeMembers(ws.sqlite, input.intoId, input.fromId, input.reason, ctx.now());
    ctx.events.emit({ type: 'data/changed', path: ws.file });
    return { mergeId };
  },

  'members/merge-reject': async (input, ctx) => {
    rejectMerge(ctx.session.workspace.sqlite, input.a, input.b, ctx.now());
    return { ok: true as const };
  },

  'members/unmerge': async (input, ctx) => {
    const ws = ctx.session.workspace;
    unmergeMembers(ws.sqlite, input.mergeId, ctx.now());
    ctx.events.emit({ type: 'data/changed', path: ws.file });
    return { ok: true as const };
  },

  'members/merges': async (_input, ctx) => {
    const sqlite = ctx.session.workspace.sqlite;
    const rows = listMerges(sqlite);
    const briefs = new Map(memberBriefs(sqlite, [...new Set(rows.flatMap((r) => [r.into_member_id, r.from_member_id]))]).map((m) => [m.id, m]));
    return rows.flatMap((r) => {
      const into = briefs.get(r.into_member_id);
      const from = briefs.get(r.from_member_id);
      return into && from ? [{ id: r.id, into, from, reason: r.reason, mergedAt: r.merged_at, undoneAt: r.undone_at }] : [];
    });
  },
};

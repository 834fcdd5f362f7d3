/** Crisis handlers: the board, monitoring scans, alerts, rules, playbooks, incidents and the word list files. */
import fs from 'node:fs';
import path from 'node:path';
import { readSensitiveWords, replaceSensitiveWords } from '../../../db/queries/calendar';
import {
  deleteAlertRule,
  deletePlaybook,
  insertPlaybook,
  listAlertRules,
  readAlert,
  readPlaybook,
  saveAlertRule,
  setAlertStatus,
  updatePlaybook,
} from '../../../db/queries/crisis';
import { HearthError } from '../../../shared/errors';
import { formatWordList, parseWordList } from '../../../shared/lexicon';
import type { ServiceContext } from '../context';
import { addDays, localClock } from '../calendar/clock';
import { exportFileName, writeFileAtomic } from '../exports';
import type { Handlers } from '../router';
import { crisisBoard, toAlert } from './board';
import { ensureCrisisDefaults } from './defaults';
import {
  addNote,
  assignRole,
  changeLevel,
  closeIncident,
  incidentView,
  startIncident,
  updateAction,
} from './incidents';
import { runScan } from './scan';

/** Word lists are hand-kept text files; anything bigger is not one. */
const MAX_WORD_LIST_BYTES = 10 * 1024 * 1024;

function workspace(ctx: ServiceContext) {
  const summary = ctx.session.summary();
  if (!summary) throw new HearthError('workspace_not_open', 'No workspace is open');
  const sqlite = ctx.session.workspace.sqlite;
  ensureCrisisDefaults(sqlite, summary.locale, ctx.now());
  return { sqlite, summary };
}

function changed(ctx: ServiceContext): void {
  ctx.events.emit({ type: 'data/changed', path: ctx.session.workspace.file });
}

function alertView(ctx: ServiceContext, id: number) {
  const sqlite = ctx.session.workspace.sqlite;
  const row = readAlert(sqlite, id);
  if (!row) throw new HearthError('not_found', `No alert ${id}`, { alertId: id });
  return toAlert(sqlite, row);
}

export const crisisHandlers: Handlers = {
  'crisis/board': async (_input, ctx) => {
    const { sqlite, summary } = workspace(ctx);
    return crisisBoard(sqlite, { timeZone: summary.timeZone, now: ctx.now() });
  },

  'crisis/scan': async (input, ctx) => {
    const { sqlite, summary } = workspace(ctx);
    const today = localClock(summary.timeZone).toLocal(ctx.now()).slice(0, 10);
    const to = input.to ?? today;
    const from = input.from ?? addDays(to, -6);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (!(days >= 0 && days <= 3660)) {
      throw new HearthError('invalid_argument', `A scan runs forward over at most ten years (${from} – ${to})`, {
        field: 'to',
        from,
        to,
      });
    }
    const { alertIds, ...result } = runScan(sqlite, { from, to, timeZone: summary.timeZone, now: ctx.now(), today });
    changed(ctx);
    return { ...result, alerts: alertIds.map((id) => alertView(ctx, id)) };
  },

  'crisis/alerts/update': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    alertView(ctx, input.id);
    setAlertStatus(sqlite, input.id, input.status, undefined, ctx.now());
    changed(ctx);
    return alertView(ctx, input.id);
  },

  'crisis/rules/list': async (_input, ctx) => listAlertRules(workspace(ctx).sqlite),

  'crisis/rules/save': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    if (input.id !== undefined && !listAlertRules(sqlite).some((r) => r.id === input.id)) {
      throw new HearthError('not_found', `No alert rule ${input.id}`, { ruleId: input.id });
    }
    const id = saveAlertRule(sqlite, input.id, input.rule);
    changed(ctx);
    const saved = listAlertRules(sqlite).find((r) => r.id === id);
    if (!saved) throw new Error(`Rule ${id} vanished`);
    return saved;
  },

  'crisis/rules/delete': async (input, ctx) => {
    deleteAlertRule(workspace(ctx).sqlite, input.id);
    changed(ctx);
    return { ok: true as const };
  },

  'crisis/playbooks/save': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    let id = input.id;
    if (id === undefined) id = insertPlaybook(sqlite, input.playbook, null, ctx.now());
    else if (!readPlaybook(sqlite, id)) throw new HearthError('not_found', `No playbook ${id}`, { playbookId: id });
    else updatePlaybook(sqlite, id, input.playbook, ctx.now());
    changed(ctx);
    return readPlaybook(sqlite, id) as NonNullable<ReturnType<typeof readPlaybook>>;
  },

  'crisis/playbooks/copy': async (input, ctx) => {
    const { sqlite, summary } = workspace(ctx);
    const original = readPlaybook(sqlite, input.id);
    if (!original) throw new HearthError('not_found', `No playbook ${input.id}`, { playbookId: input.id });
    const { id: _id, builtinKey: _key, updatedAt: _at, ...definition } = original;
    const suffix = summary.locale === 'zh-CN' ? '（副本）' : ' (copy)';
    const id = insertPlaybook(
      sqlite,
      { ...definition, name: `${definition.name}${suffix}`.slice(0, 120) },
      null,
      ctx.now(),
    );
    changed(ctx);
    return readPlaybook(sqlite, id) as NonNullable<ReturnType<typeof readPlaybook>>;
  },

  'crisis/playbooks/delete': async (input, ctx) => {
    deletePlaybook(workspace(ctx).sqlite, input.id);
    changed(ctx);
    return { ok: true as const };
  },

  'crisis/incidents/start': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    const id = startIncident(sqlite, input, ctx.now());
    changed(ctx);
    return incidentView(sqlite, id);
  },

  'crisis/incidents/get': async (input, ctx) => incidentView(workspace(ctx).sqlite, input.id),

  'crisis/incidents/action': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    updateAction(sqlite, input, ctx.now());
    changed(ctx);
    return incidentView(sqlite, input.incidentId);
  },

  'crisis/incidents/assign': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    assignRole(sqlite, input, ctx.now());
    changed(ctx);
    return incidentView(sqlite, input.incidentId);
  },

  'crisis/incidents/note': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    addNote(sqlite, input, ctx.now());
    changed(ctx);
    return incidentView(sqlite, input.incidentId);
  },

  'crisis/incidents/level': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    changeLevel(sqlite, input, ctx.now());
    changed(ctx);
    return incidentView(sqlite, input.incidentId);
  },

  'crisis/incidents/close': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    closeIncident(sqlite, input, ctx.now());
    changed(ctx);
    return incidentView(sqlite, input.incidentId);
  },

  'lexicon/import': async (input, ctx) => {
    const { sqlite } = workspace(ctx);
    const file = path.resolve(input.path);
    const name = path.basename(file);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw new HearthError('not_found', `No file at ${file}`, { file: name });
    }
    if (size > MAX_WORD_LIST_BYTES)
      throw new HearthError('import_invalid', `${name} is too large for a word list (10 MB at most)`, { file: name });
    const bytes = fs.readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new HearthError('import_invalid', `${name} is not UTF-8 text; save the word list as UTF-8`, {
        file: name,
        field: 'encoding',
      });
    }
    const words = parseWordList(text);
    const tooLong = words.findIndex((w) => w.word.length > 100 || w.category.length > 40);
    if (tooLong >= 0) {
      throw new HearthError(
        'import_invalid',
        `${name}: "${words[tooLong]?.word.slice(0, 40)}" is longer than a word list entry can be`,
        {
          file: name,
          field: 'word',
        },
      );
    }
    const before = readSensitiveWords(sqlite);
    const merged = input.mode === 'replace' ? words : [...before, ...words];
    replaceSensitiveWords(sqlite, merged);
    const after = readSensitiveWords(sqlite);
    changed(ctx);
    return {
      file: name,
      words: after.length,
      added: input.mode === 'replace' ? after.length : after.length - before.length,
    };
  },

  'lexicon/export': async (input, ctx) => {
    const { sqlite, summary } = workspace(ctx);
    const words = readSensitiveWords(sqlite);
    const file = input.path
      ? path.resolve(input.path)
      : path.join(
          ctx.workspacesDir,
          'Exports',
          exportFileName(summary.name, 'sensitive-words', 'txt', new Date(ctx.now())),
        );
    writeFileAtomic(file, formatWordList(words));
    return { path: file, words: words.length };
  },
};

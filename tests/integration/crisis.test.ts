import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services';
import { HearthError } from '../../shared/errors';
import { call, testServices } from '../support/services';

let services: Services & { dir: string };
// 2026-11-24 16:00 in Shanghai.
const NOW = Date.UTC(2026, 10, 24, 8);

async function expectError(promise: Promise<unknown>, code: string): Promise<HearthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HearthError);
    expect((error as HearthError).code).toBe(code);
    return error as HearthError;
  }
  throw new Error(`expected ${code}`);
}

const chatter = [
  '今天的拿铁很好喝',
  '周末门店有活动吗？',
  '收到新豆子了，谢谢',
  'The pour-over class was great',
  '几点开门呀',
];
const complaints = [
  '冷萃瓶盖漏液了，要求退款！',
  '收到的冷萃漏了一箱，太失望了',
  '漏液+包装破损，客服也不回，差评',
  'My cold brew leaked everywhere, want a refund',
];

/** Four weeks of calm chatter in 微信群, then a complaint burst in 小红书 on the 23rd. */
function writeMessages(file: string): void {
  const lines = ['user_id,name,date,channel,text'];
  for (let d = 0; d < 36; d += 1) {
    const day = new Date(Date.UTC(2026, 9, 20 + d)).toISOString().slice(0, 10);
    for (let i = 0; i < 20; i += 1)
      lines.push(
        `u${i},会员${i},${day} ${String(9 + (i % 10)).padStart(2, '0')}:${String(i).padStart(2, '0')},微信群,${chatter[i % chatter.length]}`,
      );
  }
  for (let i = 0; i < 24; i += 1)
    lines.push(
      `c${i},顾客${i},2026-11-23 20:${String(i * 2).padStart(2, '0')},小红书,"${complaints[i % complaints.length]}"`,
    );
  lines.push('r1,路人甲,2026-11-22 12:00,微信群,听说公司內幕很多，老板要跑路了');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

beforeEach(async () => {
  services = testServices(NOW);
  await call(services, 'workspace/create', { name: '咖啡社群', timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
  const file = path.join(services.dir, 'messages.csv');
  writeMessages(file);
  const imported = await call(services, 'import/run', {
    path: file,
    format: 'csv',
    map: { member: 'user_id', name: 'name', date: 'date', channel: 'channel', text: 'text' },
    source: 'wecom',
  });
  expect(imported.activities.added).toBe(36 * 20 + 25);
  await call(services, 'lexicon/set', {
    words: [
      { word: '内幕', category: 'rumour' },
      { word: '跑路', category: 'rumour' },
    ],
  });
});
afterEach(async () => {
  await services.dispose();
});

describe('crisis monitoring and incidents', () => {
  it('ships the default playbooks and rules in the workspace language', async () => {
    const board = await call(services, 'crisis/board', {});
    expect(board.playbooks.map((p) => p.builtinKey)).toEqual([
      'koc-inappropriate-remarks',
      'product-defect-surge',
      'privacy-rumour',
      'platform-outage',
      'spam-scam-wave',
      'offline-event-accident',
    ]);
    expect(board.playbooks.every((p) => p.locale === 'zh-CN')).toBe(true);
    expect((await call(services, 'crisis/rules/list', {})).map((r) => r.kind).sort()).toEqual([
      'churn_risk_rise',
      'complaint_burst',
      'negative_share',
      'sensitive_words',
      'volume_swing',
    ]);
    expect(board.overall).toBe('green');
  });

  it('raises alerts with evidence, does not duplicate them on a re-scan, and colours the board', async () => {
    const scan = await call(services, 'crisis/scan', { from: '2026-11-18', to: '2026-11-24' });
    expect(scan.messages).toBe(7 * 20 + 25);
    const byRule = new Map(scan.alerts.map((a) => [`${a.rule}|${a.channel ?? '*'}`, a]));

    const words = byRule.get('sensitive_words|*');
    // Traditional 內幕 matches the simplified word.
    expect(words?.count).toBe(1);
    expect(words?.evidence.map((e) => [e.text, e.words.sort(), e.memberName])).toEqual([
      ['听说公司內幕很多，老板要跑路了', ['内幕', '跑路'], '路人甲'],
    ]);

    const burst = byRule.get('complaint_burst|小红书');
    expect(burst?.count).toBeGreaterThanOrEqual(10);
    expect(burst?.colour).toBe('orange');
    expect(burst?.evidence.every((e) => e.channel === '小红书')).toBe(true);
    expect(burst?.suggestedPlaybookId).not.toBeNull();

    const negative = byRule.get('negative_share|小红书');
    expect(negative?.value).toBeGreaterThan(0.3);
    expect(byRule.has('negative_share|微信群')).toBe(false);

    const again = await call(services, 'crisis/scan', { from: '2026-11-18', to: '2026-11-24' });
    expect(again.alerts.map((a) => a.id).sort()).toEqual(scan.alerts.map((a) => a.id).sort());
    const board = await call(services, 'crisis/board', {});
    expect(board.alerts).toHaveLength(scan.alerts.length);
    expect(board.overall).toBe('orange');
    expect(board.channels.find((c) => c.channel === '小红书')?.colour).toBe('orange');
    expect(board.sentiment.find((d) => d.day === '2026-11-23')).toMatchObject({ messages: 44 });
    expect(board.lastScanAt).toBe(NOW);

    // A resolved alert stays resolved when the same days are scanned again.
    await call(services, 'crisis/alerts/update', { id: words?.id ?? 0, status: 'resolved' });
    await call(services, 'crisis/scan', { from: '2026-11-18', to: '2026-11-24' });
    expect((await call(services, 'crisis/board', {})).alerts.some((a) => a.id === words?.id)).toBe(false);
  });

  it('runs an incident from the suggested playbook to a post-mortem, every step on the timeline', async () => {
    const scan = await call(services, 'crisis/scan', { from: '2026-11-18', to: '2026-11-24' });
    const alert = scan.alerts.find((a) => a.rule === 'complaint_burst');
    if (!alert?.suggestedPlaybookId) throw new Error('no suggested playbook');
    let incident = await call(services, 'crisis/incidents/start', {
      playbookId: alert.suggestedPlaybookId,
      title: '冷萃漏液投诉',
      alertId: alert.id,
      actor: '小岚',
    });
    const playbook = (await call(services, 'crisis/board', {})).playbooks.find(
      (p) => p.id === alert.suggestedPlaybookId,
    );
    expect(incident.actions.map((a) => [a.title, a.dueAt])).toEqual(
      playbook?.steps.map((s) => [s.title, NOW + s.dueMinutes * 60_000]),
    );
    expect([incident.colour, incident.level, incident.isDrill]).toEqual([playbook?.colour, playbook?.level, false]);
    expect(incident.templates.length).toBeGreaterThan(0);
    expect((await call(services, 'crisis/board', {})).alerts.find((a) => a.id === alert.id)?.status).toBe(
      'acknowledged',
    );

    const [first, second] = incident.actions;
    for (const action of [first, second]) {
      incident = await call(services, 'crisis/incidents/action', {
        incidentId: incident.id,
        actionId: action?.id ?? 0,
        done: true,
        actor: '阿杰',
      });
    }
    expect(incident.actions.filter((a) => a.doneAt === NOW && a.doneBy === '阿杰')).toHaveLength(2);
    incident = await call(services, 'crisis/incidents/assign', {
      incidentId: incident.id,
      role: 'spokesperson',
      person: '阿杰',
      actor: '小岚',
    });
    expect(incident.assignees).toEqual({ spokesperson: '阿杰' });
    incident = await call(services, 'crisis/incidents/level', {
      incidentId: incident.id,
      colour: 'red',
      level: 4,
      reason: '媒体开始报道',
      actor: '小岚',
    });
    expect([incident.colour, incident.level]).toEqual(['red', 4]);
    await expectError(
      call(services, 'crisis/incidents/level', {
        incidentId: incident.id,
        colour: 'red',
        level: 4,
        reason: 'again',
        actor: '小岚',
      }),
      'invalid_argument',
    );
    incident = await call(services, 'crisis/incidents/note', {
      incidentId: incident.id,
      kind: 'statement',
      text: '群内发布致歉声明',
      actor: '阿杰',
    });

    await expectError(
      call(services, 'crisis/incidents/close', {
        incidentId: incident.id,
        postmortem: { summary: '', impact: { members: null, messages: null, negativeShare: null } },
        actor: '小岚',
      }),
      'invalid_argument',
    );
    incident = await call(services, 'crisis/incidents/close', {
      incidentId: incident.id,
      postmortem: {
        summary: '一批冷萃瓶盖密封不良，导致漏液投诉集中爆发。',
        impact: { members: 24, messages: alert.count, negativeShare: 0.9 },
        wentWell: '一小时内发布了首条回应',
        toChange: '质检增加瓶盖抽检',
        followUps: [{ title: '与供应商复盘瓶盖工艺', owner: '阿杰', due: '2026-12-01' }],
      },
      actor: '小岚',
    });
    expect(incident.status).toBe('closed');
    expect(incident.closedAt).toBe(NOW);
    expect(incident.events.map((e) => e.kind)).toEqual([
      'started',
      'detected',
      'action_done',
      'action_done',
      'assigned',
      'level_changed',
      'statement',
      'closed',
    ]);
    expect(incident.events.find((e) => e.kind === 'level_changed')?.text).toContain('媒体开始报道');
    expect(incident.postmortem?.timeline.map((e) => e.kind)).toEqual(incident.events.map((e) => e.kind));
    expect((await call(services, 'crisis/board', {})).alerts.some((a) => a.id === alert.id)).toBe(false);
    await expectError(
      call(services, 'crisis/incidents/action', {
        incidentId: incident.id,
        actionId: first?.id ?? 0,
        done: false,
        actor: '小岚',
      }),
      'incident_closed',
    );
    const board = await call(services, 'crisis/board', {});
    expect(board.pastIncidents.map((i) => [i.title, i.actionsDone])).toEqual([['冷萃漏液投诉', 2]]);
  });

  it('marks drills and keeps them off the status colour', async () => {
    const board = await call(services, 'crisis/board', {});
    const outage = board.playbooks.find((p) => p.builtinKey === 'platform-outage');
    const drill = await call(services, 'crisis/incidents/start', {
      playbookId: outage?.id ?? 0,
      title: '小程序宕机演练',
      isDrill: true,
      actor: '小岚',
    });
    expect(drill.isDrill).toBe(true);
    expect(drill.events[0]?.text).toContain('DRILL');
    const after = await call(services, 'crisis/board', {});
    expect(after.openIncidents.map((i) => [i.title, i.isDrill])).toEqual([['小程序宕机演练', true]]);
    expect(after.overall).toBe('green');
  });

  it('edits, copies and deletes playbooks and rules', async () => {
    const board = await call(services, 'crisis/board', {});
    const original = board.playbooks[0];
    if (!original) throw new Error('no playbook');
    const copy = await call(services, 'crisis/playbooks/copy', { id: original.id });
    expect(copy.name).toBe(`${original.name}（副本）`);
    expect(copy.builtinKey).toBeNull();
    const { id: _id, builtinKey: _k, updatedAt: _u, ...input } = copy;
    const saved = await call(services, 'crisis/playbooks/save', {
      id: copy.id,
      playbook: { ...input, level: 5, colour: 'red' },
    });
    expect([saved.level, saved.colour, saved.steps.length]).toEqual([5, 'red', original.steps.length]);
    await call(services, 'crisis/playbooks/delete', { id: copy.id });
    expect((await call(services, 'crisis/board', {})).playbooks).toHaveLength(board.playbooks.length);

    const rules = await call(services, 'crisis/rules/list', {});
    const negative = rules.find((r) => r.kind === 'negative_share');
    if (!negative) throw new Error('no rule');
    const { id, ...rule } = negative;
    await call(services, 'crisis/rules/save', { id, rule: { ...rule, enabled: false } });
    const scan = await call(services, 'crisis/scan', { from: '2026-11-18', to: '2026-11-24' });
    expect(scan.alerts.some((a) => a.rule === 'negative_share')).toBe(false);
  });

  it('imports and exports the word list as a text file', async () => {
    const list = path.join(services.dir, 'words.txt');
    fs.writeFileSync(list, '\uFEFF# 广告法\n最便宜,广告法\n全网最低,广告法\n内幕,rumour\n');
    expect(await call(services, 'lexicon/import', { path: list, mode: 'add' })).toEqual({
      file: 'words.txt',
      words: 4,
      added: 2,
    });
    const out = path.join(services.dir, 'out.txt');
    expect(await call(services, 'lexicon/export', { path: out })).toEqual({ path: out, words: 4 });
    expect(fs.readFileSync(out, 'utf8')).toBe('内幕,rumour\n跑路,rumour\n最便宜,广告法\n全网最低,广告法\n');
    const gbk = path.join(services.dir, 'gbk.txt');
    fs.writeFileSync(gbk, Buffer.from([0xc4, 0xda, 0xc4, 0xbb, 0x0a]));
    const error = await expectError(call(services, 'lexicon/import', { path: gbk, mode: 'replace' }), 'import_invalid');
    expect(error.details).toMatchObject({ file: 'gbk.txt', field: 'encoding' });
    expect(await call(services, 'lexicon/get', {})).toHaveLength(4);
  });
});

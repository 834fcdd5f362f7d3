import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/crisis';
import { markWords } from '../../renderer/src/crisis/highlight';
import { dueOffsetLabel } from '../../renderer/src/crisis/labels';
import { blankPlaybook, moveRow, playbookFormState, toPlaybook } from '../../renderer/src/crisis/playbookForm';
import { postmortemFormState, toPostmortem } from '../../renderer/src/crisis/postmortemForm';
import { fieldToParam, paramToField } from '../../renderer/src/crisis/ruleForm';

describe('markWords', () => {
  it('marks every occurrence, longest word first, case-insensitively', () => {
    expect(markWords('退款太慢 要退款', ['退款'])).toEqual([
      { text: '退款', marked: true },
      { text: '太慢 要', marked: false },
      { text: '退款', marked: true },
    ]);
    expect(markWords('Refund NOW', ['refund', 'ref'])).toEqual([
      { text: 'Refund', marked: true },
      { text: ' NOW', marked: false },
    ]);
    expect(markWords('平静', [])).toEqual([{ text: '平静', marked: false }]);
  });
});

describe('playbook form', () => {
  it('turns hours into minutes, drops empty rows and adds the roles steps name', () => {
    const form = playbookFormState({ ...blankPlaybook('zh-CN'), name: ' 测试 ' });
    form.steps = [
      { title: '发布致歉声明', role: 'spokesperson', dueHours: '1', notes: '' },
      { title: '  ', role: 'tech', dueHours: '2', notes: '' },
      { title: '补发', role: 'customer_service', dueHours: '0.5', notes: '' },
    ];
    form.templates = [{ name: '', text: '' }];
    const p = toPlaybook(form);
    expect(p.name).toBe('测试');
    expect(p.steps.map((s) => s.dueMinutes)).toEqual([60, 30]);
    expect(p.roles).toEqual(['incident_lead', 'spokesperson', 'customer_service']);
    expect(p.templates).toEqual([]);
  });

  it('moves a row up or down and leaves the ends alone', () => {
    expect(moveRow(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('labels deadlines after the start', () => {
    expect([60, 1440, 30, 2880].map(dueOffsetLabel)).toEqual(['+1h', '+24h', '+30min', '+2d']);
  });
});

describe('post-mortem form', () => {
  const alert = {
    rule: 'negative_share',
    value: 0.375,
    count: 48,
    evidence: [
      { activityId: 1, memberId: 7, memberName: 'a', channel: null, ts: 0, text: '', words: [] },
      { activityId: 2, memberId: 7, memberName: 'a', channel: null, ts: 0, text: '', words: [] },
      { activityId: 3, memberId: 9, memberName: 'b', channel: null, ts: 0, text: '', words: [] },
    ],
  } as unknown as Alert;

  it('prefills the impact from the alert', () => {
    const form = postmortemFormState(alert);
    expect([form.members, form.messages, form.negativePercent]).toEqual(['2', '48', '37.5']);
    expect(postmortemFormState(null).messages).toBe('');
  });

  it('writes blank numbers as null and the share as 0–1', () => {
    const pm = toPostmortem({
      ...postmortemFormState(null),
      summary: ' 经过 ',
      negativePercent: '35',
      followUps: [
        { title: '更新 FAQ', owner: '小林', due: '2026-12-01' },
        { title: '', owner: '', due: '' },
      ],
    });
    expect(pm.summary).toBe('经过');
    expect(pm.impact).toEqual({ members: null, messages: null, negativeShare: 0.35, notes: '' });
    expect(pm.followUps).toEqual([{ title: '更新 FAQ', owner: '小林', due: '2026-12-01' }]);
  });
});

describe('rule params', () => {
  it('shows shares as percent and stores them as fractions', () => {
    expect(paramToField('negativeShare', 0.3)).toBe('30');
    expect(fieldToParam('swing', '10')).toBeCloseTo(0.1);
    expect(paramToField('burstCount', 10)).toBe('10');
  });
});

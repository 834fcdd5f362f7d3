import { describe, expect, it } from 'vitest';
import type { KpiSeries } from '../../shared/kpi';
import { activeRatioOption, HEALTHY_ACTIVE_RATIO } from '../../renderer/src/dashboard/charts/activeRatio';
import { chartNumbers, escapeHtml, shortDay } from '../../renderer/src/dashboard/charts/common';
import { cohortCells, cohortOption } from '../../renderer/src/dashboard/charts/cohorts';
import { contentMixOption } from '../../renderer/src/dashboard/charts/contentMix';
import { growthOption } from '../../renderer/src/dashboard/charts/growth';
import { K_FACTOR_TARGET, kFactorOption } from '../../renderer/src/dashboard/charts/kFactor';
import { npsOption } from '../../renderer/src/dashboard/charts/nps';
import { stickinessOption } from '../../renderer/src/dashboard/charts/stickiness';
import { channelName, channelsOption, MAX_CHANNELS } from '../../renderer/src/dashboard/charts/channels';
import { MAX_SOURCES, sourcesOption } from '../../renderer/src/dashboard/charts/sources';
import { tierMovesOption, tierMovesTooltip } from '../../renderer/src/dashboard/charts/tierMoves';
import { tierAt, tierColour, tiersOption } from '../../renderer/src/dashboard/charts/tiers';

const numbers = chartNumbers({ decimal: (n) => (Math.round(n * 10) / 10).toString() });

/** The option's series as a list (builders always give one). */
function seriesOf(option: { series?: unknown }): Array<Record<string, unknown>> {
  return option.series as Array<Record<string, unknown>>;
}

describe('chart numbers', () => {
  it('writes ratios as percentages with one decimal', () => {
    expect(numbers.percent(0.5234)).toBe('52.3%');
    expect(numbers.number(12.34)).toBe('12.3');
  });

  it('shortens days on the axis and escapes tooltip text', () => {
    expect(shortDay('2026-03-05')).toBe('03-05');
    expect(shortDay('2026-03')).toBe('2026-03');
    expect(escapeHtml('<b>"A&B"</b>')).toBe('&#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62;');
  });
});

describe('growth chart', () => {
  const growth: KpiSeries['growth'] = [
    { month: '2026-01', members: 100, new: 20, churned: 5 },
    { month: '2026-02', members: 115, new: 18, churned: 3 },
  ];

  it('draws members as a line and new / churned as bars on the second axis, named in the UI language', () => {
    const option = growthOption(growth, { members: '成员数', new: '新增', churned: '流失' }, numbers);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2026-01', '2026-02'] });
    const [members, added, churned] = seriesOf(option);
    expect(members).toMatchObject({ name: '成员数', type: 'line', data: [100, 115] });
    expect(added).toMatchObject({ name: '新增', type: 'bar', yAxisIndex: 1, data: [20, 18] });
    expect(churned).toMatchObject({ name: '流失', type: 'bar', yAxisIndex: 1, data: [5, 3] });
    expect(option.legend).toMatchObject({ data: ['成员数', '新增', '流失'] });
  });
});

describe('active ratio chart', () => {
  it('shades the healthy 50–70% band and keeps missing months as gaps', () => {
    const option = activeRatioOption(
      [
        { month: '2026-01', ratio: 0.42 },
        { month: '2026-02', ratio: null },
        { month: '2026-03', ratio: 0.61 },
      ],
      { ratio: 'Active ratio', band: 'Healthy 50–70%' },
      numbers,
    );
    const [line] = seriesOf(option);
    expect(line?.['data']).toEqual([0.42, null, 0.61]);
    expect(line?.['markArea']).toMatchObject({
      data: [[{ yAxis: HEALTHY_ACTIVE_RATIO.low, name: 'Healthy 50–70%' }, { yAxis: HEALTHY_ACTIVE_RATIO.high }]],
    });
    // The band is always in view: the axis reaches past 70% even when every month is below it.
    expect(option.yAxis).toMatchObject({ min: 0, max: 0.8 });
  });
});

describe('stickiness chart', () => {
  it('plots DAU/MAU per day', () => {
    const option = stickinessOption(
      [
        { day: '2026-03-01', dau: 10, mau: 50, stickiness: 0.2 },
        { day: '2026-03-02', dau: 0, mau: 0, stickiness: null },
      ],
      { stickiness: 'Stickiness' },
      numbers,
    );
    expect(option.xAxis).toMatchObject({ data: ['2026-03-01', '2026-03-02'] });
    expect(seriesOf(option)[0]).toMatchObject({ type: 'line', data: [0.2, null] });
  });
});

describe('cohort heatmap', () => {
  const cohorts: KpiSeries['cohorts'] = [
    { cohort: '2026-01', size: 40, d1: 0.5, d7: 0.3, d30: 0.2, d90: null },
    { cohort: '2026-02', size: 25, d1: 0.6, d7: null, d30: null, d90: null },
  ];

  it('makes a cell per reached milestone and none for one not reached yet', () => {
    expect(cohortCells(cohorts)).toEqual([
      [0, 0, 0.5],
      [1, 0, 0.3],
      [2, 0, 0.2],
      [0, 1, 0.6],
    ]);
  });

  it('labels rows with the cohort size and columns with the milestones', () => {
    const option = cohortOption(
      cohorts,
      {
        milestones: { d1: 'D1', d7: 'D7', d30: 'D30', d90: 'D90' },
        cohort: (cohort, n) => `${cohort} · ${n} joined`,
        retention: 'Retention',
      },
      numbers,
    );
    expect(option.xAxis).toMatchObject({ data: ['D1', 'D7', 'D30', 'D90'] });
    expect(option.yAxis).toMatchObject({ data: ['2026-01 · 40 joined', '2026-02 · 25 joined'], inverse: true });
    const [heatmap] = seriesOf(option);
    expect(heatmap?.['type']).toBe('heatmap');
    expect((heatmap?.['data'] as Array<{ value: number[] }>).map((c) => c.value)).toHaveLength(4);
  });
});

describe('NPS chart', () => {
  it('draws NPS on −100…100 with the answers behind it', () => {
    const option = npsOption(
      [
        { month: '2026-01', nps: 31.25, responses: 16 },
        { month: '2026-02', nps: null, responses: 0 },
      ],
      { nps: 'NPS', responses: 'Answers' },
      numbers,
    );
    const [answers, nps] = seriesOf(option);
    expect(answers).toMatchObject({ name: 'Answers', type: 'bar', data: [16, 0] });
    expect(nps).toMatchObject({ name: 'NPS', type: 'line', data: [31.3, null] });
    expect((option.yAxis as Array<Record<string, unknown>>)[0]).toMatchObject({ min: -100, max: 100 });
  });
});

describe('K-factor chart', () => {
  it('draws the 1.2 target line and keeps it in view', () => {
    const option = kFactorOption([{ month: '2026-01', k: 0.4 }], { k: 'K-factor', target: 'Target 1.2' }, numbers);
    const [line] = seriesOf(option);
    expect(line?.['markLine']).toMatchObject({
      data: [{ yAxis: K_FACTOR_TARGET }],
      label: { formatter: 'Target 1.2' },
    });
    expect((option.yAxis as { max: number }).max).toBeGreaterThan(K_FACTOR_TARGET);
  });
});

describe('tier chart', () => {
  const tiers: KpiSeries['tiers'] = [
    { tier: 'newcomer', count: 120 },
    { tier: 'core', count: 12 },
  ];

  it('names bars by tier and finds the tier of a clicked bar', () => {
    const names: Record<string, string> = { newcomer: '新人', core: '核心' };
    const ranks: Record<string, number> = { newcomer: 0, core: 2 };
    const option = tiersOption(
      tiers,
      { members: '成员数', tier: (id) => names[id] ?? id, rank: (id) => ranks[id] ?? -1 },
      numbers,
    );
    expect(option.xAxis).toMatchObject({ data: ['新人', '核心'] });
    expect(seriesOf(option)[0]?.['data']).toEqual([
      { value: 120, itemStyle: { color: tierColour(0) } },
      { value: 12, itemStyle: { color: tierColour(2) } },
    ]);
    expect(tierAt(tiers, 1)).toBe('core');
    expect(tierAt(tiers, 5)).toBeNull();
  });

  it('colours tiers as the Members page does, sharing the top colour above the fifth rung', () => {
    expect(tierColour(1)).toBe('#2f7a4a');
    expect(tierColour(9)).toBe(tierColour(4));
    expect(tierColour(-1)).toBe('#b8bec8');
  });
});

describe('content mix chart', () => {
  it('shows kinds in the UI language, biggest first', () => {
    const option = contentMixOption(
      [
        { kind: 'reaction', events: 30 },
        { kind: 'message', events: 70 },
      ],
      { events: 'Events', kind: (k) => ({ message: '消息', reaction: '表态' })[k] ?? k },
      numbers,
    );
    expect(seriesOf(option)[0]).toMatchObject({
      type: 'pie',
      data: [
        { name: '消息', value: 70 },
        { name: '表态', value: 30 },
      ],
    });
  });
});

describe('tier moves chart', () => {
  const moves: KpiSeries['tierMoves'] = [
    { month: '2026-10', promoted: 0, demoted: 0, promotedRate: null, demotedRate: null },
    { month: '2026-11', promoted: 3, demoted: 1, promotedRate: 0.25, demotedRate: 1 / 12 },
  ];
  const labels = { promoted: '升级', demoted: '降级', rate: '比例' };

  it('draws promotions and demotions as bars by month', () => {
    const option = tierMovesOption(moves, labels, numbers);
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['2026-10', '2026-11'] });
    const [promoted, demoted] = seriesOf(option);
    expect(promoted).toMatchObject({ name: '升级', type: 'bar', data: [0, 3] });
    expect(demoted).toMatchObject({ name: '降级', type: 'bar', data: [0, 1] });
    expect(option.legend).toMatchObject({ data: ['升级', '降级'] });
  });

  it('gives the rates in the tooltip, a dash where nobody had a tier at the month start', () => {
    expect(tierMovesTooltip(moves[1]!, labels, numbers)).toBe('2026-11<br/>升级: <b>3</b> (比例 25%)<br/>降级: <b>1</b> (比例 8.3%)');
    expect(tierMovesTooltip(moves[0]!, labels, numbers)).toBe('2026-10<br/>升级: <b>0</b> (比例 —)<br/>降级: <b>0</b> (比例 —)');
    const formatter = (tierMovesOption(moves, labels, numbers).tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 1 }])).toBe(tierMovesTooltip(moves[1]!, labels, numbers));
  });
});

describe('source and channel charts', () => {
  const source = (id: string): string => ({ wechat: '微信', '': '未知来源' })[id] ?? id;

  it('draws members and new members per source, the biggest on top', () => {
    const bySource: KpiSeries['bySource'] = [
      { source: 'wechat', members: 120, new: 9 },
      { source: 'discord', members: 40, new: 12 },
      { source: '', members: 2, new: 0 },
    ];
    const option = sourcesOption(bySource, { members: '成员数', new: '时间段内新增', source }, numbers);
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['未知来源', 'discord', '微信'] });
    const [members, added] = seriesOf(option);
    expect(members).toMatchObject({ name: '成员数', type: 'bar', data: [2, 40, 120] });
    expect(added).toMatchObject({ name: '时间段内新增', type: 'bar', data: [0, 12, 9] });
    const many = Array.from({ length: MAX_SOURCES + 3 }, (_, i) => ({ source: `s${i}`, members: 100 - i, new: 1 }));
    expect((sourcesOption(many, { members: 'M', new: 'N', source }, numbers).yAxis as { data: string[] }).data).toHaveLength(MAX_SOURCES);
  });

  it('names channels by source and channel and keeps the busiest', () => {
    const labels = { events: '事件数', source, noChannel: '（无渠道）' };
    const byChannel: KpiSeries['byChannel'] = [
      { source: 'wechat', channel: '咖啡群', events: 30 },
      { source: 'table', channel: '', events: 9 },
    ];
    expect(channelName(byChannel[0]!, labels)).toBe('微信 · 咖啡群');
    expect(channelName(byChannel[1]!, labels)).toBe('table · （无渠道）');
    const option = channelsOption(byChannel, labels, numbers);
    expect(option.yAxis).toMatchObject({ data: ['table · （无渠道）', '微信 · 咖啡群'] });
    expect(seriesOf(option)[0]).toMatchObject({ name: '事件数', type: 'bar', data: [9, 30] });
    const many = Array.from({ length: MAX_CHANNELS + 5 }, (_, i) => ({ source: 'x', channel: `c${i}`, events: 100 - i }));
    expect(seriesOf(channelsOption(many, labels, numbers))[0]?.['data']).toHaveLength(MAX_CHANNELS);
  });
});

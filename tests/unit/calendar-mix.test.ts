import { describe, expect, it } from 'vitest';
import { defaultCalendarSettings, type ContentStatus } from '../../shared/calendar';
import { computeMix, type MixItem } from '../../shared/calendar/mix';

const targets = defaultCalendarSettings.mixTargets;
const item = (over: Partial<MixItem>): MixItem => ({
  status: 'draft',
  pillar: null,
  format: null,
  source: null,
  ...over,
});
const many = (n: number, over: Partial<MixItem>): MixItem[] => Array.from({ length: n }, () => item(over));

describe('computeMix', () => {
  it('gives three groups in order, parts in the contract order', () => {
    const mix = computeMix([], targets, 5);
    expect(mix.map((g) => g.group)).toEqual(['pillar', 'format', 'source']);
    expect(mix[0]?.parts.map((p) => p.key)).toEqual(['basic', 'advanced', 'cocreation']);
    expect(mix[1]?.parts.map((p) => p.key)).toEqual(['video', 'audio', 'text', 'activity']);
    expect(mix[2]?.parts.map((p) => p.key)).toEqual(['ugc', 'pgc']);
  });

  it('is empty with nothing classified, and counts the unclassified', () => {
    const [pillar] = computeMix(many(3, {}), targets, 5);
    expect(pillar).toEqual({
      group: 'pillar',
      total: 0,
      unclassified: 3,
      status: 'empty',
      parts: [
        { key: 'basic', count: 0, share: null, target: 50, drift: null, status: 'empty' },
        { key: 'advanced', count: 0, share: null, target: 30, drift: null, status: 'empty' },
        { key: 'cocreation', count: 0, share: null, target: 20, drift: null, status: 'empty' },
      ],
    });
  });

  it('is ok at exactly the drift limit', () => {
    // 20 pillar-classified items: 11 basic (55 %, +5), 5 advanced (25 %, −5), 4 cocreation (20 %, 0).
    const items = [
      ...many(11, { pillar: 'basic' }),
      ...many(5, { pillar: 'advanced' }),
      ...many(4, { pillar: 'cocreation' }),
    ];
    const [pillar] = computeMix([...items, item({})], targets, 5);
    expect(pillar?.total).toBe(20);
    expect(pillar?.unclassified).toBe(1);
    expect(pillar?.parts.map((p) => [p.count, p.share, p.drift, p.status])).toEqual([
      [11, 55, 5, 'ok'],
      [5, 25, -5, 'ok'],
      [4, 20, 0, 'ok'],
    ]);
    expect(pillar?.status).toBe('ok');
  });

  it('turns amber at 5.1 points of drift', () => {
    // 1000 sources: 649 ugc (64.9 %, −5.1), 351 pgc (35.1 %, +5.1).
    const items = [...many(649, { source: 'ugc' }), ...many(351, { source: 'pgc' })];
    const source = computeMix(items, targets, 5)[2];
    expect(source?.parts[0]?.share).toBeCloseTo(64.9, 10);
    expect(source?.parts[0]?.drift).toBeCloseTo(-5.1, 10);
    expect(source?.parts[0]?.status).toBe('amber');
    expect(source?.parts[1]?.drift).toBeCloseTo(5.1, 10);
    expect(source?.parts[1]?.status).toBe('amber');
    expect(source?.status).toBe('amber');
    // The same plan with a 5.1-point tolerance is ok.
    expect(computeMix(items, targets, 5.1)[2]?.status).toBe('ok');
  });

  it('ignores cancelled items entirely', () => {
    const items = [
      item({ pillar: 'basic', format: 'text', source: 'ugc' }),
      item({ status: 'cancelled', pillar: 'advanced', format: 'video', source: 'pgc' }),
      item({ status: 'cancelled' }),
    ];
    const [pillar, format, source] = computeMix(items, targets, 5);
    expect([pillar?.total, pillar?.unclassified]).toEqual([1, 0]);
    expect(pillar?.parts.map((p) => p.count)).toEqual([1, 0, 0]);
    expect(format?.parts.map((p) => p.share)).toEqual([0, 0, 100, 0]);
    expect(format?.parts.map((p) => p.drift)).toEqual([-30, -20, 60, -10]);
    expect(source?.parts.map((p) => p.status)).toEqual(['amber', 'amber']);
  });

  it('counts every live status', () => {
    const statuses: ContentStatus[] = ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published'];
    const [pillar] = computeMix(
      statuses.map((status) => item({ status, pillar: 'basic' })),
      targets,
      5,
    );
    expect(pillar?.total).toBe(6);
  });
});

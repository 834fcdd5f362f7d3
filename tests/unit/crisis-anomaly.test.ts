import { describe, expect, it } from 'vitest';
import { bursts, negativeShareFlags, riskRise, volumeSwing } from '../../shared/crisis/anomaly';

describe('volumeSwing', () => {
  it('compares daily means and flags a swing beyond the threshold', () => {
    // Baseline mean 100; current mean 120 → +20%.
    expect(volumeSwing([90, 110, 100, 100], [130, 110], 0.1, 20)).toEqual({
      baselineMean: 100,
      currentMean: 120,
      change: 0.2,
      flagged: true,
    });
    // A drop counts too: mean 80 → −20%.
    const drop = volumeSwing([100, 100], [80], 0.1, 20);
    expect(drop.change).toBeCloseTo(-0.2, 12);
    expect(drop.flagged).toBe(true);
  });

  it('does not flag a change at or inside the threshold', () => {
    const r = volumeSwing([100, 100], [105], 0.1, 20);
    expect(r.change).toBeCloseTo(0.05, 12);
    expect(r.flagged).toBe(false);
    // Exactly ±swing is not beyond it.
    expect(volumeSwing([100], [150], 0.5, 20)).toEqual({
      baselineMean: 100,
      currentMean: 150,
      change: 0.5,
      flagged: false,
    });
  });

  it('does not judge thin or empty periods', () => {
    // Baseline total 10 < 20.
    expect(volumeSwing([5, 5], [50], 0.1, 20)).toEqual({
      baselineMean: 5,
      currentMean: 50,
      change: null,
      flagged: false,
    });
    // Current total 19 < 20.
    expect(volumeSwing([100, 100], [19], 0.1, 20)).toEqual({
      baselineMean: 100,
      currentMean: 19,
      change: null,
      flagged: false,
    });
    expect(volumeSwing([], [100], 0.1, 20)).toEqual({
      baselineMean: null,
      currentMean: 100,
      change: null,
      flagged: false,
    });
    expect(volumeSwing([100], [], 0.1, 1)).toEqual({
      baselineMean: 100,
      currentMean: null,
      change: null,
      flagged: false,
    });
  });
});

describe('bursts', () => {
  it('finds maximal non-overlapping windows holding enough events', () => {
    expect(bursts([0, 1, 2, 10, 100, 101, 102, 103], 5, 3)).toEqual([
      { start: 0, end: 2, count: 3, firstIndex: 0, lastIndex: 2 },
      { start: 100, end: 103, count: 4, firstIndex: 4, lastIndex: 7 },
    ]);
  });

  it('merges overlapping qualifying windows into one burst', () => {
    // Windows of 10 ms with ≥ 3 events: [0,4,8], [4,8,12], [8,12,16] overlap → one burst 0–16.
    expect(bursts([0, 4, 8, 12, 16, 40], 10, 3)).toEqual([
      { start: 0, end: 16, count: 5, firstIndex: 0, lastIndex: 4 },
    ]);
  });

  it('treats the window as half-open: events exactly windowMs apart are not together', () => {
    expect(bursts([0, 5, 10], 10, 3)).toEqual([]);
    expect(bursts([0, 5, 9], 10, 3)).toEqual([{ start: 0, end: 9, count: 3, firstIndex: 0, lastIndex: 2 }]);
  });

  it('handles empty input, single events and equal timestamps', () => {
    expect(bursts([], 10, 1)).toEqual([]);
    expect(bursts([7], 10, 1)).toEqual([{ start: 7, end: 7, count: 1, firstIndex: 0, lastIndex: 0 }]);
    expect(bursts([5, 5, 5, 50], 1, 3)).toEqual([{ start: 5, end: 5, count: 3, firstIndex: 0, lastIndex: 2 }]);
  });

  it('starts a new burst when the next window no longer overlaps the last', () => {
    // [0,1,2] qualifies; [2,4] and [4,5] do not; [4,5,6] starts after index 2, so a new burst.
    expect(bursts([0, 1, 2, 4, 5, 6], 3, 3)).toEqual([
      { start: 0, end: 2, count: 3, firstIndex: 0, lastIndex: 2 },
      { start: 4, end: 6, count: 3, firstIndex: 3, lastIndex: 5 },
    ]);
    // Back-to-back windows that overlap by index merge: [0..5] is one burst.
    expect(bursts([0, 1, 2, 3, 4, 5], 3, 3)).toEqual([{ start: 0, end: 5, count: 6, firstIndex: 0, lastIndex: 5 }]);
  });
});

describe('negativeShareFlags', () => {
  it('keeps days with enough messages whose share passes the threshold', () => {
    const days = [
      { key: '2026-11-20', messages: 40, negative: 16 }, // 0.4 → flagged
      { key: '2026-11-21', messages: 10, negative: 9 }, // too few messages
      { key: '2026-11-22', messages: 50, negative: 15 }, // exactly 0.3 → not above
      { key: '2026-11-23', messages: 20, negative: 7 }, // 0.35, exactly minMessages
      { key: '2026-11-24', messages: 0, negative: 0 },
    ];
    expect(negativeShareFlags(days, 0.3, 20)).toEqual([
      { key: '2026-11-20', messages: 40, negative: 16, share: 0.4 },
      { key: '2026-11-23', messages: 20, negative: 7, share: 0.35 },
    ]);
    expect(negativeShareFlags([], 0.3, 20)).toEqual([]);
  });
});

describe('riskRise', () => {
  const history = [
    { day: 100, share: 0.1 },
    { day: 93, share: 0.05 },
    { day: 95, share: 0.2 },
    { day: 98, share: 0.3 },
  ];

  it('compares with the latest entry at least lookbackDays before', () => {
    // Day 95 is the latest at or before 102 − 7 = 95.
    const r = riskRise(history, { day: 102, share: 0.26 }, 7, 5);
    expect(r.baseline).toBe(0.2);
    expect(r.risePoints).toBeCloseTo(6, 9);
    expect(r.flagged).toBe(true);
  });

  it('flags a rise of exactly the threshold despite floating point', () => {
    const r = riskRise([{ day: 1, share: 0.2 }], { day: 8, share: 0.25 }, 7, 5);
    expect(r.flagged).toBe(true);
    expect(riskRise([{ day: 1, share: 0.2 }], { day: 8, share: 0.24 }, 7, 5).flagged).toBe(false);
  });

  it('reports falls as negative points, not flagged', () => {
    const r = riskRise(history, { day: 105, share: 0.1 }, 7, 5);
    expect(r.baseline).toBe(0.3); // day 98
    expect(r.risePoints).toBeCloseTo(-20, 9);
    expect(r.flagged).toBe(false);
  });

  it('is null without an old enough entry', () => {
    expect(riskRise(history, { day: 99, share: 0.5 }, 7, 5)).toEqual({
      baseline: null,
      risePoints: null,
      flagged: false,
    });
    expect(riskRise([], { day: 99, share: 0.5 }, 7, 5)).toEqual({ baseline: null, risePoints: null, flagged: false });
  });
});

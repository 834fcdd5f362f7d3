import { describe, expect, it } from 'vitest';
import { explainRfm, rfmScores, rfmSegment, rfmSegments, type RfmRow } from '../../shared/members/rfm';

const row = (memberId: number, recencyDays: number, frequency: number, monetary: number): RfmRow => ({
  memberId,
  recencyDays,
  frequency,
  monetary,
});

describe('rfmScores', () => {
  it('scores by rank, ties sharing the score of the rows strictly worse', () => {
    // n = 5, score = 1 + floor(5 × worse / 5) = 1 + worse.
    // Recency 1 (4 worse) 5 · 10, 10 (2 worse: 30, 100) 3 · 30 (1 worse) 2 · 100 (0) 1.
    // Frequency 5 → 5 · 3, 3 → 3 · 1, 1 → 1.   Money 500 → 5 · 200, 200 → 3 · 50 → 2 · 10 → 1.
    const scores = rfmScores([
      row(1, 1, 5, 500),
      row(2, 10, 3, 200),
      row(3, 10, 3, 200),
      row(4, 30, 1, 50),
      row(5, 100, 1, 10),
    ]);
    expect(scores.get(1)).toEqual({ r: 5, f: 5, m: 5, segment: 'champions' });
    expect(scores.get(2)).toEqual({ r: 3, f: 3, m: 3, segment: 'need_attention' });
    expect(scores.get(3)).toEqual({ r: 3, f: 3, m: 3, segment: 'need_attention' });
    expect(scores.get(4)).toEqual({ r: 2, f: 1, m: 2, segment: 'hibernating' }); // FM 1.5 → 2
    expect(scores.get(5)).toEqual({ r: 1, f: 1, m: 1, segment: 'lost' });
  });

  it('spreads ten distinct values two to a quintile', () => {
    const rows = Array.from({ length: 10 }, (_, i) => row(i, 10 - i, i + 1, (i + 1) * 10));
    const scores = rfmScores(rows);
    expect(rows.map((r) => scores.get(r.memberId)!.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // Recency runs the other way: member 9 ordered 1 day ago, member 0 ten days ago.
    expect(rows.map((r) => scores.get(r.memberId)!.r)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives a lone member neutral scores', () => {
    expect(rfmScores([row(7, 3, 1, 25)]).get(7)).toEqual({ r: 3, f: 3, m: 3, segment: 'need_attention' });
  });

  it('keeps the top scores out of reach of a very small shop', () => {
    // n = 2: the better member has 1 row worse → 1 + floor(5 / 2) = 3.
    const scores = rfmScores([row(1, 3, 9, 900), row(2, 300, 1, 20)]);
    expect(scores.get(1)).toEqual({ r: 3, f: 3, m: 3, segment: 'need_attention' });
    expect(scores.get(2)).toEqual({ r: 1, f: 1, m: 1, segment: 'lost' });
  });

  it('gives everyone F 3 when everyone has a single order, still ranking recency and money', () => {
    const scores = rfmScores([row(1, 2, 1, 80), row(2, 40, 1, 20), row(3, 200, 1, 50), row(4, 400, 1, 10)]);
    // n = 4: recency 2 → 1 + floor(15 / 4) = 4; 40 → 1 + floor(10 / 4) = 3; 200 → 2; 400 → 1.
    // Money 80 → 4; 50 → 3; 20 → 2; 10 → 1.
    expect(scores.get(1)).toEqual({ r: 4, f: 3, m: 4, segment: 'loyal' }); // FM 3.5 → 4
    expect(scores.get(2)).toEqual({ r: 3, f: 3, m: 2, segment: 'need_attention' }); // FM 2.5 → 3
    expect(scores.get(3)).toEqual({ r: 2, f: 3, m: 3, segment: 'at_risk' });
    expect(scores.get(4)).toEqual({ r: 1, f: 3, m: 1, segment: 'lost' }); // FM 2
  });

  it('gives a big tied group the lowest score of the group', () => {
    // 6 of 10 members with one order: 0 worse → F 1; 3 with two: 6 worse → 1 + 3 = 4; one with 5 orders → 5.
    const rows = [1, 1, 1, 1, 1, 1, 2, 2, 2, 5].map((f, i) => row(i, i, f, i));
    const scores = rfmScores(rows);
    expect(rows.map((r) => scores.get(r.memberId)!.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 4, 5]);
  });

  it('handles no rows and refuses values that are not numbers', () => {
    expect(rfmScores([]).size).toBe(0);
    expect(() => rfmScores([row(1, Number.NaN, 1, 1), row(2, 1, 1, 1)])).toThrow(/member 1/);
  });

  it('gives exactly a fifth of members each recency score when values are evenly spread', () => {
    const n = 100_000;
    const rows = Array.from({ length: n }, (_, i) => row(i, (i * 7919) % 1000, 1 + (i % 50), (i * 104_729) % 100_000));
    const scores = rfmScores(rows);
    expect(scores.size).toBe(n);
    // Recency takes 1000 values, 100 members each: exactly a fifth of members per score.
    const perScore = [0, 0, 0, 0, 0];
    for (const s of scores.values()) perScore[s.r - 1]!++;
    expect(perScore).toEqual([20_000, 20_000, 20_000, 20_000, 20_000]);
  });
});

describe('rfmSegment', () => {
  it('follows the R × FM grid', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(5, 4, 3)).toBe('champions'); // FM 3.5 rounds up to 4
    expect(rfmSegment(5, 3, 3)).toBe('potential_loyalist');
    expect(rfmSegment(5, 1, 1)).toBe('new_customer');
    expect(rfmSegment(5, 1, 2)).toBe('potential_loyalist'); // FM 1.5 → 2
    expect(rfmSegment(4, 1, 1)).toBe('promising');
    expect(rfmSegment(4, 5, 4)).toBe('loyal');
    expect(rfmSegment(3, 4, 4)).toBe('loyal');
    expect(rfmSegment(3, 3, 3)).toBe('need_attention');
    expect(rfmSegment(3, 2, 1)).toBe('about_to_sleep');
    expect(rfmSegment(2, 3, 4)).toBe('at_risk');
    expect(rfmSegment(1, 5, 5)).toBe('cannot_lose');
    expect(rfmSegment(2, 5, 4)).toBe('cannot_lose'); // FM 4.5 → 5
    expect(rfmSegment(2, 2, 1)).toBe('hibernating');
    expect(rfmSegment(1, 2, 2)).toBe('lost');
  });

  it('reaches every named segment', () => {
    const seen = new Set<string>();
    const s = [1, 2, 3, 4, 5] as const;
    for (const r of s) for (const f of s) for (const m of s) seen.add(rfmSegment(r, f, m));
    expect([...seen].sort()).toEqual([...rfmSegments].sort());
  });

  it('explains the scores with the numbers behind them', () => {
    expect(explainRfm(row(1, 3, 9, 900), { r: 5, f: 5, m: 5, segment: 'champions' })).toEqual({
      key: 'rfm.segment',
      params: { r: 5, f: 5, m: 5, days: 3, frequency: 9, monetary: 900 },
    });
  });
});

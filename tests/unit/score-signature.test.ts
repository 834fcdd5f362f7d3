import { describe, expect, it } from 'vitest';
import { type MemberScoreRow, scoreSignature } from '../../db/queries/member-scores';

const row: MemberScoreRow = {
  memberId: 42,
  tier: 'core',
  tierRank: 2,
  circle: 'active',
  lifecycle: 'engaged',
  rfmR: 5,
  rfmF: 4,
  rfmM: null,
  rfmSegment: '冠军 champions',
  pointsBalance: 640,
  pointsWindow: 520,
  activeDays30: 12,
  influence: 3.25,
  isKoc: true,
  pAlive: 0.8125,
  churnRisk: 0.1875,
  expected: 1.4,
  clv: 233.17,
};

describe('score signature', () => {
  it('is a safe integer that depends on the values alone', () => {
    const sig = scoreSignature(row);
    expect(Number.isSafeInteger(sig)).toBe(true);
    expect(sig).toBeGreaterThanOrEqual(0);
    expect(scoreSignature({ ...row })).toBe(sig);
  });

  it('changes with any one value, to the last bit of a double', () => {
    const changed: Partial<MemberScoreRow>[] = [
      { memberId: 43 },
      { tier: 'active' },
      { tierRank: 1 },
      { circle: 'core' },
      { lifecycle: 'at_risk' },
      { rfmR: 4 },
      { rfmF: null },
      { rfmM: 0 },
      { rfmSegment: '冠军 champion' },
      { rfmSegment: null },
      { pointsBalance: 641 },
      { pointsWindow: 0 },
      { activeDays30: 13 },
      { influence: 3.2500000000000004 },
      { isKoc: false },
      { pAlive: null },
      { churnRisk: 0.18750000000000003 },
      { expected: 0 },
      { clv: -0 },
    ];
    const sigs = changed.map((change) => scoreSignature({ ...row, ...change }));
    for (const [i, sig] of sigs.entries()) expect(sig, JSON.stringify(changed[i])).not.toBe(scoreSignature(row));
    expect(new Set(sigs).size).toBe(sigs.length);
    // A value moved to its neighbour column is a different row too.
    expect(scoreSignature({ ...row, rfmR: 4, rfmF: 5 })).not.toBe(scoreSignature(row));
    expect(scoreSignature({ ...row, clv: 0 })).not.toBe(scoreSignature({ ...row, clv: -0 }));
  });
});

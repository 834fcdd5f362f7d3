/**
 * KOCs (key opinion consumers): members whose posts draw replies and reactions, whom others
 * mention, who reach people and bring new members. A weighted influence score, and a flag for the top share of members.
 */
import type { Explanation } from './explain';
import type { MemberRules } from './rules';

type Koc = MemberRules['koc'];

export interface InfluenceStats {
  repliesReceived: number;
  reactionsReceived: number;
  /** Activities by other members that mention this member. */
  mentionsReceived: number;
  /** Distinct other members who replied to or mentioned this member. */
  peopleReached: number;
  referrals: number;
}

/**
 * A member's influence: the weighted sum of what their activity drew.
 *
 * @example
 * influenceScore({ repliesReceived: 10, reactionsReceived: 40, mentionsReceived: 3, peopleReached: 12, referrals: 1 },
 *   { repliesReceived: 2, reactionsReceived: 1, mentionsReceived: 2, peopleReached: 3, referrals: 5 })
 * // 20 + 40 + 6 + 36 + 5 = 107
 */
export function influenceScore(stats: InfluenceStats, weights: Koc['weights']): number {
  return (
    stats.repliesReceived * weights.repliesReceived +
    stats.reactionsReceived * weights.reactionsReceived +
    stats.mentionsReceived * weights.mentionsReceived +
    stats.peopleReached * weights.peopleReached +
    stats.referrals * weights.referrals
  );
}

/**
 * The lowest score that is flagged as a KOC, or null when nobody is. Candidates are the eligible
 * members with a score above 0; the top ⌈topShare × candidates⌉ of them are flagged (at least one,
 * so a small community still sees its most influential member), and everyone tied with the last of
 * them too.
 *
 * @example
 * kocCut([5, 9, 9, 0, 3], [true, true, true, true, false], 0.25) // 9: ⌈0.25 × 3⌉ = 1 place, two tied for it
 */
export function kocCut(scores: ArrayLike<number>, eligible: ArrayLike<boolean>, topShare: number): number | null {
  if (scores.length !== eligible.length) {
    throw new RangeError(`${scores.length} scores but ${eligible.length} eligibility flags`);
  }
  const candidates = new Float64Array(scores.length);
  let count = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (eligible[i] && score > 0) candidates[count++] = score;
  }
  if (count === 0) return null;
  // − 1e-9: 0.07 × 100 is 7.000000000000001 in floating point, which must not round up to 8.
  const places = Math.max(1, Math.ceil(topShare * count - 1e-9));
  const sorted = candidates.subarray(0, count).sort();
  return sorted[count - Math.min(places, count)]!;
}

/**
 * Which members are KOCs: eligible (enough active days), score above 0, and at or above the cut
 * (`kocCut`), so ties at the cut are all flagged. One sort of the candidates: ~0.1 s for 1,000,000.
 *
 * @example
 * kocFlags([5, 9, 9, 0, 3], [true, true, true, true, false], 0.25) // [false, true, true, false, false]
 */
export function kocFlags(scores: ArrayLike<number>, eligible: ArrayLike<boolean>, topShare: number): boolean[] {
  const cut = kocCut(scores, eligible, topShare);
  const flags = new Array<boolean>(scores.length);
  for (let i = 0; i < scores.length; i++) flags[i] = cut !== null && eligible[i] === true && scores[i]! >= cut;
  return flags;
}

/**
 * Why a member is or is not a KOC, for the profile: the score, what it is made of (the counts
 * behind it, before weighting), and the cut it is measured against or the active days it lacks.
 *
 * @example
 * const stats = { repliesReceived: 10, reactionsReceived: 40, mentionsReceived: 3, peopleReached: 12, referrals: 1 };
 * explainKoc({ score: 107, activeDays: 10, flagged: true, stats }, 101, defaultMemberRules.koc)
 * // { key: 'koc.flagged', params: { score: 107, replies: 10, reactions: 40, mentions: 3, people: 12, referrals: 1, cut: 101, share: 5 } }
 */
export function explainKoc(
  member: { score: number; activeDays: number; flagged: boolean; stats: InfluenceStats },
  cut: number | null,
  rules: Koc,
): Explanation {
  const { stats } = member;
  const score = {
    score: member.score,
    replies: stats.repliesReceived,
    reactions: stats.reactionsReceived,
    mentions: stats.mentionsReceived,
    people: stats.peopleReached,
    referrals: stats.referrals,
  };
  if (member.activeDays < rules.minActiveDays) {
    return { key: 'koc.ineligible', params: { ...score, activeDays: member.activeDays, min: rules.minActiveDays } };
  }
  const share = Math.round(rules.topShare * 1000) / 10;
  return { key: member.flagged ? 'koc.flagged' : 'koc.notFlagged', params: { ...score, cut: cut ?? '–', share } };
}

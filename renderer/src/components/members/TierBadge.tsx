import { tierName, tierRank, type TierLadder } from '../../members/labels';
import { useLanguage } from '../../stores/language';

/** A tier's name as a badge coloured by its place on the ladder. */
export function TierBadge({ ladder, tier, testId }: { ladder: TierLadder; tier: string; testId?: string }) {
  const language = useLanguage((s) => s.language);
  return (
    <span className={`tier-badge tier-rank-${tierRank(ladder, tier)}`} data-tier={tier} data-testid={testId}>
      {tierName(ladder, tier, language)}
    </span>
  );
}

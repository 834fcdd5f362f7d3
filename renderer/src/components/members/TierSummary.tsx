import type { MemberOverview } from '../../../../shared/member-grid';
import { dayToIso } from '../../../../shared/time';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { chooseTier, useMembers } from '../../members/store';
import { useLanguage } from '../../stores/language';
import { RecomputeButton } from './RecomputeButton';
import { MemberStats } from './MemberStats';

/**
 * Above the grid: one tile per tier (a click filters the grid to it), the circle, KOC and risk
 * counts, and when the scores were computed. Before the first recompute there are no scores, and
 * the page says so instead of showing zeros.
 */
export function TierSummary({ overview }: { overview: MemberOverview }) {
  const t = useT();
  const f = useFormatters();
  const language = useLanguage((s) => s.language);
  const chosen = useMembers((s) => s.choices.tiers);

  if (overview.computedAt === null) {
    return (
      <section className="card not-computed" data-testid="member-not-computed">
        <h2>{t('membersPage.notComputedTitle')}</h2>
        <p className="lead">
          {overview.members === 0
            ? t('membersPage.notComputedEmpty')
            : t('membersPage.notComputed', { members: f.number(overview.members) })}
        </p>
        <div className="form-actions">
          <RecomputeButton primary />
        </div>
      </section>
    );
  }

  const unscored = overview.members - overview.scored;
  return (
    <section className="card tier-summary" aria-labelledby="tier-summary-title" data-testid="tier-summary">
      <div className="card-head">
        <h2 id="tier-summary-title">{t('membersPage.tiersTitle')}</h2>
        <p className="computed-at muted" data-testid="member-computed-at">
          {t('membersPage.computedAt', {
            when: f.dateTime(overview.computedAt),
            day: overview.asOfDay === null ? '—' : dayToIso(overview.asOfDay),
          })}{' '}
          <RecomputeButton />
        </p>
      </div>
      <div className="tier-tiles" role="group" aria-label={t('membersPage.tierFilter')}>
        {overview.tiers.map((tier, rank) => {
          const pressed = chosen.includes(tier.id);
          return (
            <button
              key={tier.id}
              type="button"
              className={`tier-tile tier-rank-${rank}`}
              aria-pressed={pressed}
              data-testid="tier-tile"
              data-tier={tier.id}
              data-count={tier.count}
              onClick={() => chooseTier(tier.id)}
            >
              <span className="tier-tile-name">{tier.name[language]}</span>
              <span className="tier-tile-count">{f.number(tier.count)}</span>
              <span className="tier-tile-threshold">
                {t('membersPage.threshold', { points: f.number(tier.threshold) })}
              </span>
            </button>
          );
        })}
      </div>
      <MemberStats overview={overview} />
      {unscored > 0 ? (
        <p className="notice unscored" data-testid="member-unscored">
          {t('membersPage.unscored', { n: f.number(unscored) })}
        </p>
      ) : null}
    </section>
  );
}

import { circles, type Circle } from '../../../../shared/members/circles';
import type { MemberOverview } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { circleLabel } from '../../members/labels';

const countOf = (list: MemberOverview['circles'], value: Circle): number =>
  list.find((c) => c.value === value)?.count ?? 0;

/** Small counts under the tier tiles: circles, KOC share of active members, members at risk. */
export function MemberStats({ overview }: { overview: MemberOverview }) {
  const t = useT();
  const f = useFormatters();
  const kocShare = overview.activeMembers > 0 ? overview.kocMembers / overview.activeMembers : null;

  return (
    <dl className="member-stats">
      {circles.map((circle) => (
        <div
          key={circle}
          className="member-stat"
          data-testid="circle-count"
          data-circle={circle}
          data-count={countOf(overview.circles, circle)}
        >
          <dt>{circleLabel(circle, t)}</dt>
          <dd>{f.number(countOf(overview.circles, circle))}</dd>
        </div>
      ))}
      <div className="member-stat" data-testid="koc-share" data-value={overview.kocMembers}>
        <dt>{t('membersPage.kocShare')}</dt>
        <dd>
          {kocShare === null ? '—' : f.percent(kocShare)}
          <span className="muted">
            {' '}
            {t('membersPage.ofActive', {
              koc: f.number(overview.kocMembers),
              active: f.number(overview.activeMembers),
            })}
          </span>
        </dd>
      </div>
      <div className="member-stat" data-testid="at-risk-count" data-value={overview.atRisk}>
        <dt>{t('membersPage.atRisk')}</dt>
        <dd>
          {f.number(overview.atRisk)}
          <span className="muted"> {t('membersPage.riskAbove', { risk: f.percent(overview.riskThreshold) })}</span>
        </dd>
      </div>
    </dl>
  );
}

import type { MemberDetail } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { circleLabel, lifecycleLabel, rfmLabel, type TierLadder } from '../../members/labels';
import { useExplain } from '../../members/useExplain';

/** The member's scores, then why: each explanation in the UI language. */
export function DrawerScores({ detail, ladder }: { detail: MemberDetail; ladder: TierLadder }) {
  const t = useT();
  const f = useFormatters();
  const explain = useExplain(ladder);
  const { score, rfm } = detail;

  if (!score) {
    return (
      <section className="drawer-section" data-testid="member-scores">
        <p className="notice">{t('membersPage.notScored')}</p>
      </section>
    );
  }

  const facts: [string, string][] = [
    [t('membersPage.col.points'), f.number(score.points)],
    [t('membersPage.col.pointsWindow'), f.number(score.pointsWindow)],
    [t('membersPage.col.circle'), circleLabel(score.circle, t)],
    [t('membersPage.col.lifecycle'), lifecycleLabel(score.lifecycle, t)],
    [
      t('membersPage.col.rfmSegment'),
      score.rfmSegment === null
        ? '—'
        : rfm
          ? `${rfmLabel(score.rfmSegment, t)} (R${rfm.r} F${rfm.f} M${rfm.m})`
          : rfmLabel(score.rfmSegment, t),
    ],
    [t('membersPage.col.churnRisk'), score.churnRisk === null ? '—' : f.percent(score.churnRisk)],
    [t('membersPage.pAlive'), detail.pAlive === null ? '—' : f.percent(detail.pAlive)],
    [t('membersPage.col.clv'), score.clv === null ? '—' : f.money(score.clv)],
    [t('membersPage.col.expected'), score.expected === null ? '—' : f.decimal(score.expected)],
    [t('membersPage.col.influence'), f.decimal(score.influence)],
    [t('membersPage.col.koc'), score.koc ? t('membersPage.yes') : t('membersPage.no')],
    [t('membersPage.col.activeDays30'), f.number(score.activeDays30)],
    [t('membersPage.col.lastSeen'), score.lastSeen === null ? '—' : f.date(score.lastSeen)],
  ];

  return (
    <section className="drawer-section" aria-labelledby="drawer-scores-title" data-testid="member-scores">
      <h3 id="drawer-scores-title">{t('membersPage.scores')}</h3>
      <dl className="facts drawer-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {detail.explanations.length > 0 ? (
        <>
          <h4>{t('membersPage.why')}</h4>
          <ul className="explanations">
            {detail.explanations.map((explanation, i) => (
              <li key={`${explanation.key}-${i}`} data-testid="member-explanation" data-key={explanation.key}>
                {explain(explanation)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

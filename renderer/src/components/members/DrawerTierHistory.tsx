import type { MemberDetail } from '../../../../shared/member-grid';
import { dayToIso } from '../../../../shared/time';
import { useT } from '../../i18n';
import type { TierLadder } from '../../members/labels';
import { useExplain } from '../../members/useExplain';
import { TierBadge } from './TierBadge';

/** Each tier change: when, from which tier to which, and why. */
export function DrawerTierHistory({ history, ladder }: { history: MemberDetail['tierHistory']; ladder: TierLadder }) {
  const t = useT();
  const explain = useExplain(ladder);
  return (
    <section className="drawer-section" aria-labelledby="drawer-tiers-title">
      <h3 id="drawer-tiers-title">{t('membersPage.tierHistory')}</h3>
      {history.length === 0 ? <p className="muted">{t('membersPage.noTierHistory')}</p> : null}
      <ol className="tier-history">
        {history.map((change, i) => (
          <li key={i} data-testid="member-tier-change" data-to={change.to} data-change={change.change}>
            <span className="ledger-day num">{dayToIso(change.day)}</span>
            <span className="tier-change">
              {change.from ? (
                <>
                  <TierBadge ladder={ladder} tier={change.from} /> →{' '}
                </>
              ) : null}
              <TierBadge ladder={ladder} tier={change.to} />
            </span>
            <span className="ledger-note">{explain(change.explanation)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

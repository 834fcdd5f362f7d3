import { useState } from 'react';
import type { LedgerEntry, MemberDetail } from '../../../../shared/member-grid';
import { dayToIso } from '../../../../shared/time';
import { useFormatters, type Formatters } from '../../data/formatters';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { kindKey } from '../../import/fields';

/** Entries shown before the user asks for the rest: the recent ones are what an operator checks. */
const FIRST_ENTRIES = 10;

const entryKeys: Record<LedgerEntry['kind'], MessageKey> = {
  earned: 'membersPage.ledger.earned',
  grant: 'membersPage.ledger.grant',
  deduct: 'membersPage.ledger.deduct',
  redeem: 'membersPage.ledger.redeem',
  expire: 'membersPage.ledger.expire',
};

/** "Message ×3 · Reply ×2": the day's activity behind earned points. */
function countsText(counts: Record<string, number>, t: Translate, f: Formatters): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => {
      const key = kindKey(kind);
      return `${key ? t(key) : kind} ×${f.number(n)}`;
    })
    .join(' · ');
}

/** The points ledger: balance, then entries newest first; earned days show what earned them. */
export function DrawerLedger({ ledger }: { ledger: MemberDetail['ledger'] }) {
  const t = useT();
  const f = useFormatters();
  const [all, setAll] = useState(false);
  const shown = all ? ledger.entries : ledger.entries.slice(0, FIRST_ENTRIES);
  return (
    <section className="drawer-section" aria-labelledby="drawer-ledger-title">
      <div className="section-head">
        <h3 id="drawer-ledger-title">{t('membersPage.ledger')}</h3>
        <span className="ledger-balance" data-testid="member-balance" data-value={ledger.balance}>
          {t('membersPage.balance', { points: f.number(ledger.balance) })}
        </span>
      </div>
      {ledger.entries.length === 0 ? <p className="muted">{t('membersPage.noLedger')}</p> : null}
      <ol className="ledger">
        {shown.map((entry, i) => (
          <li
            key={i}
            className={`ledger-entry ledger-${entry.kind}`}
            data-testid="member-ledger-entry"
            data-kind={entry.kind}
            data-points={entry.points}
          >
            <span className="ledger-day num">{dayToIso(entry.day)}</span>
            <span className="ledger-kind">{t(entryKeys[entry.kind])}</span>
            <span className={entry.points < 0 ? 'ledger-points num negative' : 'ledger-points num'}>
              {entry.points > 0 ? '+' : ''}
              {f.number(entry.points)}
            </span>
            {entry.kind === 'earned' && entry.counts ? (
              <span className="ledger-note">{countsText(entry.counts, t, f)}</span>
            ) : entry.reason ? (
              <span className="ledger-note">{entry.reason}</span>
            ) : null}
          </li>
        ))}
      </ol>
      {shown.length < ledger.entries.length ? (
        <button
          type="button"
          className="link-button show-all"
          data-testid="member-ledger-all"
          onClick={() => setAll(true)}
        >
          {t('membersPage.showAll', { n: f.number(ledger.entries.length) })}
        </button>
      ) : null}
      {all && ledger.more ? <p className="field-hint">{t('membersPage.ledgerMore')}</p> : null}
    </section>
  );
}

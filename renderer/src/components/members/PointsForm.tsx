import { useState, type FormEvent } from 'react';
import type { MemberRow } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT, type MessageKey } from '../../i18n';
import { tierName, type TierLadder } from '../../members/labels';
import { adjustPoints } from '../../members/mutations';
import { nextTier, parsePoints } from '../../members/points';
import { attempt } from '../../stores/errors';
import { useLanguage } from '../../stores/language';

type Kind = 'grant' | 'deduct' | 'redeem';
const kinds: { kind: Kind; label: MessageKey }[] = [
  { kind: 'grant', label: 'membersPage.kind.grant' },
  { kind: 'deduct', label: 'membersPage.kind.deduct' },
  { kind: 'redeem', label: 'membersPage.kind.redeem' },
];

/** Grant, deduct or redeem points for this member, with a reason kept in the ledger. */
export function PointsForm({ id, score, ladder }: { id: number; score: MemberRow; ladder: TierLadder }) {
  const t = useT();
  const f = useFormatters();
  const language = useLanguage((s) => s.language);
  const [kind, setKind] = useState<Kind>('grant');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const amount = parsePoints(points);
  const next = nextTier(ladder, score.tier, score.pointsWindow);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (amount === null || !reason.trim()) return;
    setBusy(true);
    setDone(null);
    const result = await attempt(() =>
      adjustPoints({ target: { ids: [id] }, kind, points: amount, reason: reason.trim() }),
    );
    setBusy(false);
    if (!result) return;
    setPoints('');
    setReason('');
    setDone(
      t(result.promoted > 0 ? 'membersPage.adjustedPromoted' : 'membersPage.adjusted', { points: f.number(amount) }),
    );
  }

  return (
    <section className="drawer-section" aria-labelledby="drawer-points-title">
      <h3 id="drawer-points-title">{t('membersPage.adjustTitle')}</h3>
      {next ? (
        <p className="field-hint" data-testid="member-next-tier" data-tier={next.id} data-needed={next.needed}>
          {t('membersPage.nextTier', { tier: tierName(ladder, next.id, language), needed: f.number(next.needed) })}
        </p>
      ) : (
        <p className="field-hint" data-testid="member-next-tier">
          {t('membersPage.topTier')}
        </p>
      )}
      <form className="points-form" onSubmit={(e) => void submit(e)}>
        <select
          aria-label={t('membersPage.kind')}
          data-testid="member-points-kind"
          value={kind}
          onChange={(e) => setKind(kinds.find((k) => k.kind === e.target.value)?.kind ?? 'grant')}
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.label)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('membersPage.points')}
          className="points-input"
          data-testid="member-points-input"
          inputMode="numeric"
          placeholder={t('membersPage.points')}
          value={points}
          onChange={(e) => setPoints(e.target.value)}
        />
        <input
          aria-label={t('membersPage.reason')}
          className="reason-input"
          data-testid="member-points-reason"
          placeholder={t('membersPage.reasonPlaceholder')}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="submit"
          className="button-primary"
          data-testid="member-points-submit"
          disabled={busy || amount === null || !reason.trim()}
        >
          {t('membersPage.apply')}
        </button>
      </form>
      {points.trim() !== '' && amount === null ? <p className="field-error">{t('membersPage.pointsInvalid')}</p> : null}
      {done ? (
        <p className="form-status" role="status" data-testid="member-points-done">
          {done}
        </p>
      ) : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { MemberTarget } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { adjustPoints } from '../../members/mutations';
import { attempt } from '../../stores/errors';
import { parsePoints } from '../../members/points';

interface BulkPointsFormProps {
  target: MemberTarget;
  size: number;
  onDone(message: string): void;
}

/** Grants the same points, with a reason kept in each ledger, to every target member. */
export function BulkPointsForm({ target, size, onDone }: BulkPointsFormProps) {
  const t = useT();
  const f = useFormatters();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const amount = parsePoints(points);
  const ready = amount !== null && reason.trim() !== '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (amount === null || !reason.trim()) return;
    setBusy(true);
    const result = await attempt(() => adjustPoints({ target, kind: 'grant', points: amount, reason: reason.trim() }));
    setBusy(false);
    if (result) {
      onDone(
        t('membersPage.pointsGranted', {
          points: f.number(amount),
          n: f.number(result.members),
          promoted: f.number(result.promoted),
        }),
      );
    }
  }

  return (
    <form className="bulk-form" onSubmit={(e) => void submit(e)} data-testid="bulk-points-form">
      <label className="field-label" htmlFor="bulk-points-input">
        {t('membersPage.points')}
      </label>
      <input
        id="bulk-points-input"
        className="points-input"
        data-testid="bulk-points-input"
        inputMode="numeric"
        value={points}
        onChange={(e) => setPoints(e.target.value)}
      />
      <label className="field-label" htmlFor="bulk-points-reason">
        {t('membersPage.reason')}
      </label>
      <input
        id="bulk-points-reason"
        className="reason-input"
        data-testid="bulk-points-reason"
        value={reason}
        maxLength={200}
        placeholder={t('membersPage.reasonPlaceholder')}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button-primary" data-testid="bulk-points-submit" disabled={busy || !ready}>
        {t('membersPage.pointsSubmit', { n: f.number(size) })}
      </button>
    </form>
  );
}

import { useState } from 'react';
import type { RecomputeSummary } from '../../../../shared/member-grid';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { recomputeMembers } from '../../members/mutations';
import { attempt } from '../../stores/errors';

/** Recomputes scores, tiers and points now, and says what changed. */
export function RecomputeButton({ primary = false }: { primary?: boolean }) {
  const t = useT();
  const f = useFormatters();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<RecomputeSummary | null>(null);

  async function run() {
    setBusy(true);
    setDone(null);
    const summary = await attempt(recomputeMembers);
    setBusy(false);
    if (summary) setDone(summary);
  }

  return (
    <span className="recompute">
      <button
        type="button"
        className={primary ? 'button-primary' : 'button-secondary button-small'}
        data-testid="member-recompute"
        disabled={busy}
        onClick={() => void run()}
      >
        {busy ? t('membersPage.recomputing') : t('membersPage.recompute')}
      </button>
      {done ? (
        <span className="recompute-done muted" role="status" data-testid="member-recompute-done">
          {t('membersPage.recomputed', {
            members: f.number(done.members),
            seconds: f.decimal(done.durationMs / 1000),
            promoted: f.number(done.promoted),
            demoted: f.number(done.demoted),
          })}
        </span>
      ) : null}
    </span>
  );
}

import { useState } from 'react';
import type { MergeSuggestion } from '../../../../shared/members';
import { useT } from '../../i18n';
import { acceptSuggestion, rejectSuggestion } from '../../members/mutations';
import { reasonKeys } from '../../members/words';
import { attempt } from '../../stores/errors';
import { MemberCard } from './MemberCard';

/** A suggested pair: both members with their identities, the evidence, merge or "not the same". */
export function SuggestionRow({ suggestion }: { suggestion: MergeSuggestion }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const { a, b, reason, detail } = suggestion;

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    await attempt(action);
    setBusy(false);
  }

  return (
    <li className="suggestion" data-testid="merge-suggestion" data-a={a.id} data-b={b.id} data-reason={reason}>
      <div className="suggestion-head">
        <span className="chip chip-selected" data-testid="merge-reason">
          {t(reasonKeys[reason])}
        </span>
        <span className="mono suggestion-detail" data-testid="merge-detail">
          {detail}
        </span>
        <span className="row-actions">
          <button
            type="button"
            className="button-primary button-small"
            data-testid="merge-accept"
            disabled={busy}
            onClick={() => void act(() => acceptSuggestion(suggestion))}
          >
            {t('merge.accept')}
          </button>
          <button
            type="button"
            className="button-quiet button-small"
            data-testid="merge-reject"
            disabled={busy}
            onClick={() => void act(() => rejectSuggestion(suggestion))}
          >
            {t('merge.reject')}
          </button>
        </span>
      </div>
      <div className="member-pair">
        <MemberCard member={a} role={t('merge.keeps')} />
        <span className="member-pair-arrow" aria-hidden="true">
          ←
        </span>
        <MemberCard member={b} role={t('merge.joins')} />
      </div>
    </li>
  );
}

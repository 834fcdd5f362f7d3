import { useState } from 'react';
import type { MemberBrief } from '../../../../shared/members';
import { useT } from '../../i18n';
import { mergeMembers } from '../../members/mutations';
import { attempt } from '../../stores/errors';
import { MemberPicker } from './MemberPicker';

/** Merge two members Hearth did not suggest: find each, then merge the second into the first. */
export function ManualMerge() {
  const t = useT();
  const [a, setA] = useState<MemberBrief | null>(null);
  const [b, setB] = useState<MemberBrief | null>(null);
  const [busy, setBusy] = useState(false);
  const same = a !== null && b !== null && a.id === b.id;

  async function merge() {
    if (!a || !b || same) return;
    setBusy(true);
    const mergeId = await attempt(() => mergeMembers(a.id, b.id));
    setBusy(false);
    if (mergeId !== undefined) {
      setA(null);
      setB(null);
    }
  }

  return (
    <section className="card manual-merge" aria-labelledby="manual-merge-title" data-testid="merge-manual-section">
      <h2 id="manual-merge-title">{t('merge.manualTitle')}</h2>
      <div className="member-pair pickers">
        <MemberPicker side="a" label={t('merge.pickA')} picked={a} onPick={setA} />
        <span className="member-pair-arrow" aria-hidden="true">
          ←
        </span>
        <MemberPicker side="b" label={t('merge.pickB')} picked={b} onPick={setB} />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          data-testid="merge-manual"
          disabled={!a || !b || same || busy}
          onClick={() => void merge()}
        >
          {t('merge.manualSubmit')}
        </button>
        {same ? <span className="field-error">{t('merge.samePerson')}</span> : <span className="field-hint">{t('merge.manualHint')}</span>}
      </div>
    </section>
  );
}

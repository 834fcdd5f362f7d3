import { useState } from 'react';
import type { MergeRecord } from '../../../../shared/members';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { unmerge } from '../../members/mutations';
import { reasonText } from '../../members/words';
import { MemberCell } from './MemberCell';
import { attempt } from '../../stores/errors';


/** One merge: who was kept, who joined, why, when; Undo until it is undone. */
export function MergeRow({ merge }: { merge: MergeRecord }) {
  const t = useT();
  const f = useFormatters();
  const [busy, setBusy] = useState(false);
  const undone = merge.undoneAt !== null;

  async function undo() {
    setBusy(true);
    await attempt(() => unmerge(merge.id));
    setBusy(false);
  }

  return (
    <tr data-testid="merge-row" data-merge-id={merge.id} data-undone={String(undone)} className={undone ? 'row-undone' : undefined}>
      <td>
        <MemberCell member={merge.into} />
      </td>
      <td>
        <MemberCell member={merge.from} />
      </td>
      <td>{reasonText(merge.reason, t)}</td>
      <td className="num nowrap">
        {f.dateTime(merge.mergedAt)}
        {merge.undoneAt !== null ? <span className="cell-note">{t('merge.undoneAt', { when: f.dateTime(merge.undoneAt) })}</span> : null}
      </td>
      <td className="col-actions">
        {undone ? (
          <span className="status status-undone">{t('merge.undone')}</span>
        ) : (
          <button
            type="button"
            className="button-secondary button-small"
            data-testid="merge-undo"
            disabled={busy}
            onClick={() => void undo()}
          >
            {t('merge.undo')}
          </button>
        )}
      </td>
    </tr>
  );
}

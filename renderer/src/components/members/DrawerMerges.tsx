import { useState } from 'react';
import type { MemberDetail } from '../../../../shared/member-grid';
import { useT } from '../../i18n';
import { useImport } from '../../import/store';
import { unmerge } from '../../members/mutations';
import { attempt } from '../../stores/errors';
import { useRoute } from '../../stores/route';

/**
 * Merges this member took part in, each undoable until undone, and a way to the merge tools for
 * finding more of this person's identities.
 */
export function DrawerMerges({ merges }: { merges: MemberDetail['merges'] }) {
  const t = useT();
  const [busy, setBusy] = useState<number | null>(null);

  async function undo(mergeId: number) {
    setBusy(mergeId);
    await attempt(() => unmerge(mergeId));
    setBusy(null);
  }

  function findDuplicates() {
    useImport.setState({ tab: 'merge' });
    useRoute.getState().navigate({ page: 'import' });
  }

  return (
    <section className="drawer-section" aria-labelledby="drawer-merges-title">
      <div className="section-head">
        <h3 id="drawer-merges-title">{t('membersPage.merges')}</h3>
        <button type="button" className="link-button" data-testid="member-find-duplicates" onClick={findDuplicates}>
          {t('membersPage.findDuplicates')}
        </button>
      </div>
      {merges.length === 0 ? <p className="muted">{t('membersPage.noMerges')}</p> : null}
      <ul className="merge-list">
        {merges.map((merge) => (
          <li key={merge.id} data-testid="member-merge" data-merge-id={merge.id} data-undone={String(merge.undone)}>
            <span className={merge.undone ? 'muted' : undefined}>
              {/* 'from': the other member was merged into this one; 'into': this one into the other. */}
              {t(merge.direction === 'from' ? 'membersPage.mergedFrom' : 'membersPage.mergedInto', {
                name: merge.otherName,
                id: merge.otherId,
              })}
            </span>
            {merge.undone ? (
              <span className="status status-undone">{t('merge.undone')}</span>
            ) : (
              <button
                type="button"
                className="button-secondary button-small"
                data-testid="member-unmerge"
                disabled={busy !== null}
                onClick={() => void undo(merge.id)}
              >
                {t('merge.undo')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import type { TierLadder } from '../../members/labels';
import { useMemberDetail } from '../../members/queries';
import { openMember } from '../../members/store';
import { DrawerIdentities } from './DrawerIdentities';
import { DrawerLedger } from './DrawerLedger';
import { DrawerMerges } from './DrawerMerges';
import { DrawerScores } from './DrawerScores';
import { DrawerTags } from './DrawerTags';
import { DrawerTierHistory } from './DrawerTierHistory';
import { DrawerTimeline } from './DrawerTimeline';
import { PointsForm } from './PointsForm';
import { TierBadge } from './TierBadge';

interface MemberDrawerProps {
  workspacePath: string;
  id: number;
  ladder: TierLadder;
}

/** One member in a side panel: scores and why, points, tags, identities, history, merges. */
export function MemberDrawer({ workspacePath, id, ladder }: MemberDrawerProps) {
  const t = useT();
  const { data } = useMemberDetail(workspacePath, id);
  // While another member loads, the last one's details are still in hand: don't show them.
  const detail = data?.member.id === id ? data : undefined;

  // Keyboard users land in the drawer they just opened (Enter on a grid row).
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') openMember(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <aside className="drawer" data-testid="member-drawer" data-member-id={id} aria-labelledby="member-drawer-title">
      <header className="drawer-head">
        <div className="drawer-title">
          <h2 id="member-drawer-title" ref={title} tabIndex={-1}>
            {detail ? detail.member.name : t('app.loading')} <span className="muted mono">#{id}</span>
          </h2>
          {detail?.score ? <TierBadge ladder={ladder} tier={detail.score.tier} testId="member-drawer-tier" /> : null}
        </div>
        <button
          type="button"
          className="button-quiet"
          data-testid="member-drawer-close"
          onClick={() => openMember(null)}
        >
          {t('membersPage.close')}
        </button>
      </header>
      {detail ? (
        <div className="drawer-body">
          <DrawerScores detail={detail} ladder={ladder} />
          {detail.score ? <PointsForm id={id} score={detail.score} ladder={ladder} /> : null}
          <DrawerTags id={id} tags={detail.tags} />
          <DrawerIdentities identities={detail.member.identities} />
          <DrawerMerges merges={detail.merges} />
          <DrawerTierHistory history={detail.tierHistory} ladder={ladder} />
          <DrawerLedger ledger={detail.ledger} />
          <DrawerTimeline timeline={detail.timeline} />
        </div>
      ) : (
        <p className="drawer-body muted">{t('app.loading')}</p>
      )}
    </aside>
  );
}

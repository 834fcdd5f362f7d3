import { useEffect, useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/workspace';
import { useT } from '../i18n';
import { useMemberOverview } from '../members/queries';
import { adoptMembersWorkspace, useMembers } from '../members/store';
import { TierSummary } from '../components/members/TierSummary';
import { MemberBrowser } from '../components/members/MemberBrowser';
import { MemberDrawer } from '../components/members/MemberDrawer';
import { RulesDialog } from '../components/members/RulesDialog';
import '../components/members/members.css';

/** Members by tier: the tier summary, the filterable grid, bulk actions and one member's drawer. */
export function MembersPage({ workspace }: { workspace: WorkspaceSummary }) {
  const t = useT();
  const overview = useMemberOverview(workspace.path).data;
  const openId = useMembers((s) => (s.workspacePath === workspace.path ? s.openMemberId : null));
  const [rulesOpen, setRulesOpen] = useState(false);
  useEffect(() => adoptMembersWorkspace(workspace.path), [workspace.path]);

  return (
    <section className="page page-wide members-page" data-testid="page-members">
      <header className="page-header">
        <h1>{t('members.title')}</h1>
        <button
          type="button"
          className="button-secondary"
          data-testid="member-rules-open"
          onClick={() => setRulesOpen(true)}
        >
          {t('membersPage.rules')}
        </button>
      </header>
      {overview ? <TierSummary overview={overview} /> : <p className="muted">{t('app.loading')}</p>}
      {overview && overview.computedAt !== null ? (
        <MemberBrowser workspacePath={workspace.path} overview={overview} />
      ) : null}
      {overview && openId !== null ? (
        <MemberDrawer workspacePath={workspace.path} id={openId} ladder={overview.tiers} />
      ) : null}
      {rulesOpen ? <RulesDialog workspacePath={workspace.path} onClose={() => setRulesOpen(false)} /> : null}
    </section>
  );
}

import type { MemberBrief } from '../../../../shared/members';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { identityName, sourceLabel } from '../../members/words';

/** A member as the merge screens show it: name, number, when active, and every identity. */
export function MemberCard({ member, role }: { member: MemberBrief; role?: string }) {
  const t = useT();
  const f = useFormatters();
  return (
    <div className="member-card" data-testid="member-card" data-member-id={member.id}>
      {role ? <span className="member-role">{role}</span> : null}
      <p className="member-name">
        {member.name} <span className="muted mono">#{member.id}</span>
      </p>
      {member.firstSeen !== null && member.lastSeen !== null ? (
        <p className="cell-note">{t('member.seen', { first: f.date(member.firstSeen), last: f.date(member.lastSeen) })}</p>
      ) : null}
      <ul className="identity-list">
        {member.identities.map((identity) => (
          <li key={`${identity.source}:${identity.externalId}`} className="identity" data-testid="member-identity">
            <span className="identity-source">{sourceLabel(identity.source, t)}</span>
            <span className="identity-name">{identityName(identity)}</span>
            {identity.handle && identity.displayName ? <span className="muted">{identity.displayName}</span> : null}
            {identity.email ? <span className="muted mono">{identity.email}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

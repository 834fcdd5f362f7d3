import type { MemberBrief } from '../../../../shared/members';
import { useT } from '../../i18n';
import { identityName, sourceLabel } from '../../members/words';

/** A member's name, id and first identities, in one line of a table or list. */
export function MemberCell({ member, nameClass = 'cell-text' }: { member: MemberBrief; nameClass?: string }) {
  const t = useT();
  return (
    <>
      <span className={nameClass}>
        {member.name} <span className="muted mono">#{member.id}</span>
      </span>
      <span className="cell-note">
        {member.identities
          .slice(0, 3)
          .map((i) => `${sourceLabel(i.source, t)} ${identityName(i)}`)
          .join(' · ')}
      </span>
    </>
  );
}

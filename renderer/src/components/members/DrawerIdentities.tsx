import type { MemberBrief } from '../../../../shared/members';
import { useT } from '../../i18n';
import { identityName, sourceLabel } from '../../members/words';

/** Where the member is known: one line per platform identity. */
export function DrawerIdentities({ identities }: { identities: MemberBrief['identities'] }) {
  const t = useT();
  return (
    <section className="drawer-section" aria-labelledby="drawer-identities-title">
      <h3 id="drawer-identities-title">{t('membersPage.identitiesTitle')}</h3>
      <ul className="identity-list">
        {identities.map((identity) => (
          <li key={`${identity.source}:${identity.externalId}`} className="identity" data-testid="member-identity">
            <span className="identity-source">{sourceLabel(identity.source, t)}</span>
            <span className="identity-name">{identityName(identity)}</span>
            {identity.handle && identity.displayName ? <span className="muted">{identity.displayName}</span> : null}
            {identity.email ? <span className="muted mono">{identity.email}</span> : null}
            {identity.phone ? <span className="muted mono">{identity.phone}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

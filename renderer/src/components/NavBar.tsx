import { featurePages, useRoute } from '../stores/route';
import { useT } from '../i18n';

/** The left navigation; plain hash links, so reload and back/forward just work. */
export function NavBar() {
  const t = useT();
  const route = useRoute((s) => s.route);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {featurePages.map((page) => (
        <a
          key={page}
          href={`#/${page}`}
          className="nav-link"
          data-testid={`nav-${page}`}
          aria-current={route.page === page ? 'page' : undefined}
        >
          {t(`nav.${page}`)}
        </a>
      ))}
    </nav>
  );
}

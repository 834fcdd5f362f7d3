/** The page shown, kept in the location hash (#/members) so a reload stays on it. */
import { create } from 'zustand';

export const featurePages = [
  'dashboard',
  'members',
  'calendar',
  'crisis',
  'import',
  'reports',
  'portfolio',
  'settings',
] as const;
export type FeaturePage = (typeof featurePages)[number];

/** The workspaces page (create / open / team share / recent), with the section to bring into view. */
export type WorkspacesSection = 'new' | 'open' | 'share' | null;

export type Route = { page: FeaturePage } | { page: 'workspaces'; section: WorkspacesSection };

/**
 * The route a hash names; anything unknown is the dashboard.
 *
 * @example
 * parseHash('#/members') // { page: 'members' }
 * parseHash('#/workspaces/open') // { page: 'workspaces', section: 'open' }
 */
export function parseHash(hash: string): Route {
  const [first, second] = hash.replace(/^#\/?/, '').split('/');
  if (first === 'workspaces') {
    return {
      page: 'workspaces',
      section: second === 'new' || second === 'open' || second === 'share' ? second : null,
    };
  }
  const page = featurePages.find((p) => p === first);
  return { page: page ?? 'dashboard' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  if (route.page === 'workspaces') return route.section ? `#/workspaces/${route.section}` : '#/workspaces';
  return `#/${route.page}`;
}

interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

export const useRoute = create<RouteState>()((set) => ({
  route: parseHash(window.location.hash),
  navigate(route) {
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
}));

/** Follows back/forward and typed addresses; returns the unsubscribe. */
export function followHash(): () => void {
  const onChange = () => useRoute.setState({ route: parseHash(window.location.hash) });
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The grid's column choices for a workspace, read from and written to localStorage. */
import { useCallback, useState } from 'react';
import type { MemberColumn } from '../../../shared/member-grid';
import { columnPrefsKey, parseColumnPrefs, withHidden, withWidth, type ColumnPrefs } from './columnPrefs';

function read(workspacePath: string): ColumnPrefs {
  try {
    return parseColumnPrefs(localStorage.getItem(columnPrefsKey(workspacePath)));
  } catch {
    // Storage can be unavailable (privacy settings); the defaults still work.
    return parseColumnPrefs(null);
  }
}

function write(workspacePath: string, prefs: ColumnPrefs): void {
  try {
    localStorage.setItem(columnPrefsKey(workspacePath), JSON.stringify(prefs));
  } catch (error) {
    console.warn('Could not remember the member grid columns', error);
  }
}

export interface ColumnPrefsControl {
  prefs: ColumnPrefs;
  setHidden(column: MemberColumn, hidden: boolean): void;
  setWidth(column: MemberColumn, width: number): void;
}

export function useColumnPrefs(workspacePath: string): ColumnPrefsControl {
  const [state, setState] = useState(() => ({ path: workspacePath, prefs: read(workspacePath) }));
  // Another workspace: its own choices (adjusting state while rendering, as React recommends).
  const current = state.path === workspacePath ? state : { path: workspacePath, prefs: read(workspacePath) };
  if (current !== state) setState(current);

  const update = useCallback(
    (change: (prefs: ColumnPrefs) => ColumnPrefs) =>
      setState((s) => {
        const prefs = change(s.prefs);
        write(s.path, prefs);
        return { path: s.path, prefs };
      }),
    [],
  );
  const setHidden = useCallback(
    (column: MemberColumn, hidden: boolean) => update((p) => withHidden(p, column, hidden)),
    [update],
  );
  const setWidth = useCallback(
    (column: MemberColumn, width: number) => update((p) => withWidth(p, column, width)),
    [update],
  );
  return { prefs: current.prefs, setHidden, setWidth };
}

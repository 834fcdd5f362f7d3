/**
 * A counter bumped whenever server data may have changed (a pushed event, or our own write).
 * Queries depend on it, so bumping it refetches whatever is on screen.
 */
import { create } from 'zustand';

interface RevisionState {
  revision: number;
  bump(): void;
}

export const useRevision = create<RevisionState>()((set) => ({
  revision: 0,
  bump: () => set((s) => ({ revision: s.revision + 1 })),
}));

/** Marks server data stale from outside React. */
export function invalidate(): void {
  useRevision.getState().bump();
}

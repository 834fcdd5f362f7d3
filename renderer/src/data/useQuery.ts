/** Fetches server data for a component and refetches it when the data is invalidated. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useRevision } from './revision';
import { useErrors } from '../stores/errors';

export interface Query<T> {
  data: T | undefined;
  loading: boolean;
}

/**
 * Calls `fetcher` on mount, whenever `key` changes and whenever data is invalidated. A failure is
 * shown in the error banner; an answer that arrives after the component moved on is dropped.
 */
export function useQuery<T>(key: string, fetcher: () => Promise<T>): Query<T> {
  const revision = useRevision((s) => s.revision);
  const fetcherRef = useRef(fetcher);
  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });
  const [state, setState] = useState<Query<T>>({ data: undefined, loading: true });

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    fetcherRef.current().then(
      (data) => {
        if (current) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (!current) return;
        setState((s) => ({ ...s, loading: false }));
        useErrors.getState().report(error);
      },
    );
    return () => {
      current = false;
    };
  }, [key, revision]);

  return state;
}

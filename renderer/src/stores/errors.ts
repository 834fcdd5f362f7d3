/** The error the banner shows: the last failed call, as a HearthError with a stable code. */
import { create } from 'zustand';
import { HearthError, isErrorData } from '../../../shared/errors';

interface ErrorState {
  error: HearthError | null;
  report(error: unknown): void;
  dismiss(): void;
}

/** Any thrown value as a HearthError; unknown errors become `internal`. */
export function asHearthError(error: unknown): HearthError {
  if (error instanceof HearthError) return error;
  if (isErrorData(error)) return new HearthError(error.code, error.message, error.details);
  return new HearthError('internal', error instanceof Error ? error.message : String(error));
}

export const useErrors = create<ErrorState>()((set) => ({
  error: null,
  report: (error) => set({ error: asHearthError(error) }),
  dismiss: () => set({ error: null }),
}));

/**
 * Runs an action for a click or a submit: clears the banner, and shows the error if it fails.
 * Resolves to the result, or undefined after a failure.
 */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  useErrors.getState().dismiss();
  try {
    return await action();
  } catch (error) {
    useErrors.getState().report(error);
    return undefined;
  }
}

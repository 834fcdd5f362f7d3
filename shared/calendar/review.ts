/**
 * The review state machine of a content item: idea/draft → in review (one to three steps, e.g.
 * community admin → content committee → legal) → approved → scheduled → published, with
 * "request changes" back to draft and cancel/reopen. Pure; the service records each action.
 */
import { reviewActions, type ContentStatus, type ReviewAction } from '../calendar';

/** Where an item stands: `reviewStep` is the 1-based step while in review, else 0. */
export interface ReviewState {
  status: ContentStatus;
  reviewStep: number;
}

/** An action the state machine does not allow from a state. */
export class ReviewTransitionError extends Error {
  constructor(
    readonly from: ReviewState,
    readonly action: ReviewAction,
  ) {
    const where = from.status === 'in_review' ? `in_review (step ${from.reviewStep})` : from.status;
    super(`Review action '${action}' is not allowed for an item that is ${where}.`);
    this.name = 'ReviewTransitionError';
  }
}

const at = (status: ContentStatus): ReviewState => ({ status, reviewStep: 0 });

/** The next state, or null when the action is not allowed. */
function next(state: ReviewState, action: ReviewAction, stepCount: number, hasTime: boolean): ReviewState | null {
  switch (state.status) {
    case 'idea':
    case 'draft':
      if (action === 'submit') return { status: 'in_review', reviewStep: 1 };
      if (action === 'cancel') return at('cancelled');
      return null;
    case 'in_review': {
      // A step past the chain's end (the workspace dropped a step meanwhile) approves on the next
      // approval; a missing step reads as the first.
      const step = Math.max(1, state.reviewStep);
      if (action === 'approve')
        return step < stepCount ? { status: 'in_review', reviewStep: step + 1 } : at('approved');
      if (action === 'request_changes') return at('draft');
      if (action === 'cancel') return at('cancelled');
      return null;
    }
    case 'approved':
      // Scheduling or publishing needs a date: an idea in the backlog has none.
      if (action === 'schedule' && hasTime) return at('scheduled');
      if (action === 'publish' && hasTime) return at('published');
      if (action === 'request_changes') return at('draft');
      if (action === 'cancel') return at('cancelled');
      return null;
    case 'scheduled':
      if (action === 'publish') return at('published');
      if (action === 'request_changes') return at('draft');
      if (action === 'cancel') return at('cancelled');
      return null;
    case 'published':
      return null;
    case 'cancelled':
      return action === 'reopen' ? at('draft') : null;
  }
}

function checkSteps(stepCount: number): void {
  if (!Number.isInteger(stepCount) || stepCount < 1)
    throw new RangeError(`stepCount must be 1 or more, got ${stepCount}`);
}

/**
 * The actions allowed from `state`, in the order of `reviewActions`. `stepCount` is the number of
 * review steps (1–3); `hasTime` says whether the item has a start.
 *
 * @example
 * allowedActions({ status: 'approved', reviewStep: 0 }, 3, false) // ['request_changes', 'cancel']
 * allowedActions({ status: 'approved', reviewStep: 0 }, 3, true)
 * // ['request_changes', 'schedule', 'publish', 'cancel']
 */
export function allowedActions(state: ReviewState, stepCount: number, hasTime: boolean): ReviewAction[] {
  checkSteps(stepCount);
  return reviewActions.filter((a) => next(state, a, stepCount, hasTime) !== null);
}

/**
 * The state after `action`; throws ReviewTransitionError when the action is not allowed.
 * idea|draft: submit → in review at step 1, cancel. In review at step k: approve → step k + 1, or
 * approved after the last step; request_changes → draft; cancel. Approved: schedule and publish
 * (both only with a time), request_changes, cancel. Scheduled: publish, request_changes, cancel.
 * Published: nothing. Cancelled: reopen → draft.
 *
 * @example
 * applyReview({ status: 'in_review', reviewStep: 1 }, 'approve', 2, true) // { status: 'in_review', reviewStep: 2 }
 * applyReview({ status: 'in_review', reviewStep: 2 }, 'approve', 2, true) // { status: 'approved', reviewStep: 0 }
 * applyReview({ status: 'published', reviewStep: 0 }, 'cancel', 2, true) // throws ReviewTransitionError
 */
export function applyReview(
  state: ReviewState,
  action: ReviewAction,
  stepCount: number,
  hasTime: boolean,
): ReviewState {
  checkSteps(stepCount);
  const result = next(state, action, stepCount, hasTime);
  if (result === null) throw new ReviewTransitionError(state, action);
  return result;
}

/**
 * The state after the item's title or body is edited: an approval is for the text that was
 * approved, so an item in review, approved or scheduled goes back to draft; other states stay.
 *
 * @example
 * resetOnEdit({ status: 'scheduled', reviewStep: 0 }) // { status: 'draft', reviewStep: 0 }
 * resetOnEdit({ status: 'published', reviewStep: 0 }) // { status: 'published', reviewStep: 0 }
 */
export function resetOnEdit(state: ReviewState): ReviewState {
  if (state.status === 'in_review' || state.status === 'approved' || state.status === 'scheduled') return at('draft');
  return { status: state.status, reviewStep: state.reviewStep };
}

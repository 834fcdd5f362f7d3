import { describe, expect, it } from 'vitest';
import { contentStatuses, reviewActions, type ReviewAction } from '../../shared/calendar';
import {
  allowedActions,
  applyReview,
  resetOnEdit,
  ReviewTransitionError,
  type ReviewState,
} from '../../shared/calendar/review';

const state = (status: ReviewState['status'], reviewStep = 0): ReviewState => ({ status, reviewStep });

describe('review state machine', () => {
  it('walks an item through three steps to published', () => {
    let s = state('idea');
    const path: Array<[ReviewAction, ReviewState]> = [
      ['submit', state('in_review', 1)],
      ['approve', state('in_review', 2)],
      ['approve', state('in_review', 3)],
      ['approve', state('approved')],
      ['schedule', state('scheduled')],
      ['publish', state('published')],
    ];
    for (const [action, expected] of path) {
      s = applyReview(s, action, 3, true);
      expect(s).toEqual(expected);
    }
    expect(allowedActions(s, 3, true)).toEqual([]);
  });

  it('approves after a single step when the chain has one', () => {
    expect(applyReview(state('draft'), 'submit', 1, false)).toEqual(state('in_review', 1));
    expect(applyReview(state('in_review', 1), 'approve', 1, false)).toEqual(state('approved'));
  });

  it('approves a step left past a shortened chain', () => {
    expect(applyReview(state('in_review', 3), 'approve', 2, true)).toEqual(state('approved'));
  });

  it('sends an item back to draft on request_changes, and the next submit starts at step 1', () => {
    const back = applyReview(state('in_review', 2), 'request_changes', 3, true);
    expect(back).toEqual(state('draft'));
    expect(applyReview(back, 'submit', 3, true)).toEqual(state('in_review', 1));
    expect(applyReview(state('approved'), 'request_changes', 3, true)).toEqual(state('draft'));
    expect(applyReview(state('scheduled'), 'request_changes', 3, true)).toEqual(state('draft'));
  });

  it('refuses to schedule or publish an approved item without a time', () => {
    expect(allowedActions(state('approved'), 3, false)).toEqual(['request_changes', 'cancel']);
    expect(() => applyReview(state('approved'), 'schedule', 3, false)).toThrow(ReviewTransitionError);
    expect(() => applyReview(state('approved'), 'publish', 3, false)).toThrow(ReviewTransitionError);
    expect(applyReview(state('approved'), 'publish', 3, true)).toEqual(state('published'));
  });

  it('cancels and reopens', () => {
    for (const s of [state('idea'), state('draft'), state('in_review', 2), state('approved'), state('scheduled')]) {
      expect(applyReview(s, 'cancel', 3, true)).toEqual(state('cancelled'));
    }
    expect(applyReview(state('cancelled'), 'reopen', 3, true)).toEqual(state('draft'));
    expect(allowedActions(state('cancelled'), 3, true)).toEqual(['reopen']);
  });

  it('lists the allowed actions per state', () => {
    expect(allowedActions(state('idea'), 3, true)).toEqual(['submit', 'cancel']);
    expect(allowedActions(state('in_review', 1), 3, true)).toEqual(['approve', 'request_changes', 'cancel']);
    expect(allowedActions(state('approved'), 3, true)).toEqual(['request_changes', 'schedule', 'publish', 'cancel']);
    expect(allowedActions(state('scheduled'), 3, true)).toEqual(['request_changes', 'publish', 'cancel']);
  });

  it('throws a ReviewTransitionError naming the state and action', () => {
    const from = state('published');
    let caught: unknown;
    try {
      applyReview(from, 'reopen', 3, true);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReviewTransitionError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as ReviewTransitionError;
    expect(error.from).toEqual(from);
    expect(error.action).toBe('reopen');
    expect(error.message).toBe("Review action 'reopen' is not allowed for an item that is published.");
    expect(() => applyReview(state('in_review', 2), 'submit', 3, true)).toThrow(
      "Review action 'submit' is not allowed for an item that is in_review (step 2).",
    );
  });

  it('refuses a step count below 1', () => {
    expect(() => allowedActions(state('draft'), 0, true)).toThrow(RangeError);
  });

  it('agrees with allowedActions for every state × action (and throws for every other one)', () => {
    const states: ReviewState[] = contentStatuses.flatMap((status) =>
      status === 'in_review' ? [1, 2, 3].map((step) => state(status, step)) : [state(status)],
    );
    let allowed = 0;
    let refused = 0;
    for (const stepCount of [1, 2, 3]) {
      for (const hasTime of [false, true]) {
        for (const s of states) {
          const actions = allowedActions(s, stepCount, hasTime);
          for (const action of reviewActions) {
            if (actions.includes(action)) {
              allowed++;
              const after = applyReview(s, action, stepCount, hasTime);
              expect(after.reviewStep === 0).toBe(after.status !== 'in_review');
            } else {
              refused++;
              expect(() => applyReview(s, action, stepCount, hasTime)).toThrow(ReviewTransitionError);
            }
          }
        }
      }
    }
    // 9 states × 7 actions × 6 settings.
    expect(allowed + refused).toBe(9 * 7 * 6);
    expect(allowed).toBeGreaterThan(0);
  });
});

describe('resetOnEdit', () => {
  it('sends reviewed text back to draft and leaves other states alone', () => {
    expect(resetOnEdit(state('in_review', 2))).toEqual(state('draft'));
    expect(resetOnEdit(state('approved'))).toEqual(state('draft'));
    expect(resetOnEdit(state('scheduled'))).toEqual(state('draft'));
    for (const status of ['idea', 'draft', 'published', 'cancelled'] as const) {
      expect(resetOnEdit(state(status))).toEqual(state(status));
    }
  });
});

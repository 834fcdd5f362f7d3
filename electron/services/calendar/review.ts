/**
 * The review chain: an item's detail (with the sensitive words in its text and the actions the
 * state machine allows now) and recording a review action. Approving text that holds sensitive
 * words needs the reviewer's explicit acknowledgement, which is recorded with the words.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  insertReview,
  listReviews,
  readCalendarSettings,
  readItem,
  readSensitiveWords,
  writeItem,
} from '../../../db/queries/calendar';
import type { ContentDetail, ContentRef, ContentStatus, LexiconHit, ReviewAction } from '../../../shared/calendar';
import { allowedActions, applyReview, ReviewTransitionError } from '../../../shared/calendar/review';
import { HearthError } from '../../../shared/errors';
import { lexiconHits, LexiconMatcher } from '../../../shared/lexicon';
import type { LocalClock } from './clock';
import { materialize, resolveRef } from './items';
import { toContentItem, toContentSeries, virtualOccurrence } from './model';

function hitsIn(sqlite: BetterSqlite3.Database, title: string, body: string): LexiconHit[] {
  const words = readSensitiveWords(sqlite);
  return words.length === 0 ? [] : lexiconHits(new LexiconMatcher(words), title, body);
}

/**
 * Everything the item drawer shows.
 *
 * @example
 * contentDetail(sqlite, clock, { id: 12 }).actions // ['approve', 'request_changes', 'cancel']
 */
export function contentDetail(sqlite: BetterSqlite3.Database, clock: LocalClock, ref: ContentRef): ContentDetail {
  const resolved = resolveRef(sqlite, ref);
  const item = resolved.row
    ? toContentItem(resolved.row, clock)
    : virtualOccurrence(resolved.series, resolved.occurrence);
  const steps = readCalendarSettings(sqlite).reviewSteps;
  return {
    item,
    series: resolved.series ? toContentSeries(resolved.series) : null,
    reviews: resolved.row ? listReviews(sqlite, resolved.row.id) : [],
    hits: hitsIn(sqlite, item.title, item.body),
    actions: allowedActions({ status: item.status, reviewStep: item.reviewStep }, steps.length, item.start !== null),
  };
}

/**
 * Applies one review action and records it with time, reviewer, comment and the sensitive words
 * acknowledged. Refused: an action the item's state does not allow (review_not_allowed), and
 * approving text with sensitive words unacknowledged (sensitive_unacknowledged, with the words).
 *
 * @example
 * reviewItem(sqlite, clock, { ref: { id: 12 }, action: 'approve', reviewer: '王芳', comment: '', acknowledgeHits: true }, now)
 */
export function reviewItem(
  sqlite: BetterSqlite3.Database,
  clock: LocalClock,
  input: { ref: ContentRef; action: ReviewAction; reviewer: string; comment: string; acknowledgeHits: boolean },
  now: number,
): ContentDetail {
  const id = sqlite.transaction(() => {
    const row = materialize(sqlite, clock, input.ref, now);
    const steps = readCalendarSettings(sqlite).reviewSteps;
    const before = { status: row.status, reviewStep: row.reviewStep };
    let after: { status: ContentStatus; reviewStep: number };
    try {
      after = applyReview(before, input.action, steps.length, row.scheduledAt !== null);
    } catch (error) {
      if (!(error instanceof ReviewTransitionError)) throw error;
      throw new HearthError('review_not_allowed', error.message, {
        itemId: row.id,
        status: row.status,
        action: input.action,
      });
    }
    const hits = input.action === 'approve' ? hitsIn(sqlite, row.fields.title, row.fields.body) : [];
    const words = [...new Set(hits.map((h) => h.word))];
    if (words.length > 0 && !input.acknowledgeHits) {
      throw new HearthError(
        'sensitive_unacknowledged',
        `"${row.fields.title}" contains sensitive words: ${words.join(', ')}`,
        {
          itemId: row.id,
          words,
          field: 'acknowledgeHits',
        },
      );
    }
    writeItem(sqlite, { ...row, status: after.status, reviewStep: after.reviewStep }, now);
    const step = input.action === 'approve' || input.action === 'request_changes' ? before.reviewStep : 0;
    insertReview(sqlite, row.id, {
      action: input.action,
      step,
      stepName: step > 0 ? (steps[step - 1] ?? null) : null,
      reviewer: input.reviewer,
      comment: input.comment,
      acknowledged: words,
      at: now,
    });
    return row.id;
  })();
  if (!readItem(sqlite, id)) throw new Error(`Item ${id} vanished`);
  return contentDetail(sqlite, clock, { id });
}

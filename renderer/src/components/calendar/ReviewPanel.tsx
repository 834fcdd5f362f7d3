import { useState } from 'react';
import type { ContentDetail, ReviewAction } from '../../../../shared/calendar';
import { actionKey } from '../../calendar/labels';
import { review } from '../../calendar/mutations';
import { refOf } from '../../calendar/refs';
import { rememberReviewer, rememberedReviewer } from '../../calendar/reviewer';
import { openItem } from '../../calendar/store';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';
import { HitText } from './HitText';

interface ReviewPanelProps {
  detail: ContentDetail;
  steps: readonly string[];
}

/**
 * The review chain (current step highlighted), what was recorded, and the actions the state
 * machine allows now. Sensitive words must be acknowledged before Approve.
 */
export function ReviewPanel({ detail, steps }: ReviewPanelProps) {
  const t = useT();
  const f = useFormatters();
  const [reviewer, setReviewer] = useState(rememberedReviewer);
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const { item, hits } = detail;
  const current = item.status === 'in_review' ? item.reviewStep : 0;

  async function act(action: ReviewAction) {
    setBusy(true);
    rememberReviewer(reviewer);
    const next = await attempt(() =>
      review({
        ref: refOf(item),
        action,
        reviewer: reviewer.trim(),
        comment,
        acknowledgeHits: action === 'approve' && checked,
      }),
    );
    setBusy(false);
    if (next) {
      setComment('');
      // An occurrence becomes a stored item when first acted on: follow it by its new id.
      if (next.item.id !== null && item.id === null) openItem({ id: next.item.id });
    }
  }

  const blocked = hits.length > 0 && !checked;
  return (
    <section className="cal-drawer-section" data-testid="review-panel" data-status={item.status} data-step={current}>
      <h3>{t('calendar.review.title')}</h3>
      <ol className="cal-steps">
        {steps.map((name, i) => {
          const n = i + 1;
          const state =
            current === n
              ? 'current'
              : current > n || ['approved', 'scheduled', 'published'].includes(item.status)
                ? 'done'
                : 'todo';
          return (
            <li
              key={name}
              className={`cal-step cal-step-${state}`}
              data-testid="review-step"
              data-step={n}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="cal-step-n">{n}</span>
              {name}
            </li>
          );
        })}
      </ol>

      {hits.length > 0 ? (
        <div className="cal-hits" data-testid="sensitive-hits">
          <p className="cal-hits-title">{t('calendar.review.hits', { n: hits.length })}</p>
          <p className="cal-hit-text" data-testid="hit-title">
            <HitText text={item.title} hits={hits} field="title" />
          </p>
          {item.body ? (
            <p className="cal-hit-text cal-hit-body" data-testid="hit-body">
              <HitText text={item.body} hits={hits} field="body" />
            </p>
          ) : null}
          <ul className="cal-hit-words">
            {[...new Map(hits.map((h) => [h.word, h.category]))].map(([word, category]) => (
              <li key={word} data-testid="sensitive-word" data-word={word} data-category={category}>
                <mark className="cal-hit">{word}</mark> <span className="muted">{category}</span>
              </li>
            ))}
          </ul>
          <label className="cal-check">
            <input
              type="checkbox"
              checked={checked}
              data-testid="review-acknowledge"
              onChange={(e) => setChecked(e.target.checked)}
            />
            {t('calendar.review.acknowledge')}
          </label>
        </div>
      ) : null}

      {detail.actions.length > 0 ? (
        <div className="cal-review-form">
          <div className="cal-field-grid">
            <div className="field">
              <label className="field-label" htmlFor="review-reviewer">
                {t('calendar.review.reviewer')}
              </label>
              <input
                id="review-reviewer"
                value={reviewer}
                maxLength={64}
                data-testid="review-reviewer"
                onChange={(e) => setReviewer(e.target.value)}
              />
            </div>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="review-comment">
              {t('calendar.review.comment')}
            </label>
            <textarea
              id="review-comment"
              rows={2}
              maxLength={2000}
              value={comment}
              data-testid="review-comment"
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="cal-actions">
            {detail.actions.map((action) => (
              <button
                key={action}
                type="button"
                className={
                  action === 'approve' || action === 'submit' || action === 'publish'
                    ? 'button-primary button-small'
                    : 'button-secondary button-small'
                }
                data-testid={`review-${action.replace('_', '-')}`}
                disabled={busy || reviewer.trim() === '' || (action === 'approve' && blocked)}
                onClick={() => void act(action)}
              >
                {t(actionKey(action))}
              </button>
            ))}
          </div>
          {reviewer.trim() === '' ? <p className="field-hint">{t('calendar.review.needName')}</p> : null}
        </div>
      ) : null}

      <h4>{t('calendar.review.history')}</h4>
      {detail.reviews.length === 0 ? <p className="muted">{t('calendar.review.noHistory')}</p> : null}
      <ul className="cal-review-events">
        {detail.reviews.map((event) => (
          <li key={event.id} data-testid="review-event" data-action={event.action} data-step={event.step}>
            <span className="muted mono">{f.dateTime(event.at)}</span> <strong>{event.reviewer}</strong>{' '}
            {t(actionKey(event.action))}
            {event.stepName ? <span className="muted"> · {event.stepName}</span> : null}
            {event.comment ? <p className="cal-review-comment">{event.comment}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

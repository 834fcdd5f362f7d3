import { useState } from 'react';
import { useFormatters } from '../../data/formatters';
import { useT } from '../../i18n';
import { useMergeSuggestions } from '../../members/queries';
import { SuggestionRow } from './SuggestionRow';

// A page of suggestions is enough to work through; the rest wait behind "Show more".
const PAGE = 8;

/** Pairs of members that look like one person, strongest evidence first. */
export function SuggestionList({ workspacePath }: { workspacePath: string }) {
  const t = useT();
  const f = useFormatters();
  const { data } = useMergeSuggestions(workspacePath);
  const [shown, setShown] = useState(PAGE);
  const hidden = data ? Math.max(0, data.length - shown) : 0;
  return (
    <section className="card" aria-labelledby="suggestions-title" data-testid="merge-suggestions">
      <div className="card-head">
        <h2 id="suggestions-title">{t('merge.suggestions')}</h2>
        {data && data.length > 0 ? <span className="badge">{f.number(data.length)}</span> : null}
      </div>
      {data && data.length === 0 ? (
        <p className="empty" data-testid="merge-suggestions-empty">
          {t('merge.noSuggestions')}
        </p>
      ) : null}
      <ul className="suggestion-list">
        {data?.slice(0, shown).map((s) => (
          <SuggestionRow key={`${s.a.id}-${s.b.id}`} suggestion={s} />
        ))}
      </ul>
      {hidden > 0 ? (
        <button
          type="button"
          className="button-secondary show-more"
          data-testid="merge-suggestions-more"
          onClick={() => setShown((n) => n + PAGE)}
        >
          {t('merge.showMore', { n: f.number(Math.min(PAGE, hidden)), total: f.number(hidden) })}
        </button>
      ) : null}
    </section>
  );
}

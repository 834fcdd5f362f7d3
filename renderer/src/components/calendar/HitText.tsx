import type { LexiconHit } from '../../../../shared/calendar';
import { splitHits } from '../../calendar/highlight';

/** A text with its sensitive-word hits marked. */
export function HitText({
  text,
  hits,
  field,
}: {
  text: string;
  hits: readonly LexiconHit[];
  field: LexiconHit['field'];
}) {
  return (
    <>
      {splitHits(text, hits, field).map((run, i) =>
        run.hit ? (
          <mark
            key={i}
            className="cal-hit"
            data-testid="sensitive-hit"
            data-word={run.hit.word}
            title={run.hit.category}
          >
            {run.text}
          </mark>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}

/** Splits a text into plain runs and sensitive-word hits, for drawing the hits as <mark>. */
import type { LexiconHit } from '../../../shared/calendar';

export interface TextRun {
  text: string;
  hit: LexiconHit | null;
}

/**
 * The runs of `text` with the hits of one field marked; overlapping hits keep the first.
 *
 * @example
 * splitHits('a bad word', [{ field: 'body', word: 'bad', category: 'x', start: 2, end: 5 }], 'body')
 * // [{ text: 'a ', hit: null }, { text: 'bad', hit: {...} }, { text: ' word', hit: null }]
 */
export function splitHits(text: string, hits: readonly LexiconHit[], field: LexiconHit['field']): TextRun[] {
  const mine = hits.filter((h) => h.field === field).sort((a, b) => a.start - b.start);
  const runs: TextRun[] = [];
  let at = 0;
  for (const hit of mine) {
    if (hit.start < at || hit.end > text.length) continue;
    if (hit.start > at) runs.push({ text: text.slice(at, hit.start), hit: null });
    runs.push({ text: text.slice(hit.start, hit.end), hit });
    at = hit.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), hit: null });
  return runs;
}

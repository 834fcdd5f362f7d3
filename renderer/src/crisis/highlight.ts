/** Splits a message into plain runs and the words an alert found, for drawing them as <mark>. */

export interface WordRun {
  text: string;
  marked: boolean;
}

const fold = (s: string) => s.toLowerCase();

/**
 * The runs of `text` with every occurrence of `words` marked (case-insensitive; longer words win
 * where two start at the same place).
 *
 * @example
 * markWords('退款太慢 要退款', ['退款'])
 * // [{ text: '退款', marked: true }, { text: '太慢 要', marked: false }, { text: '退款', marked: true }]
 */
export function markWords(text: string, words: readonly string[]): WordRun[] {
  const wanted = [...new Set(words.map((w) => fold(w.trim())).filter((w) => w.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const lower = fold(text);
  const runs: WordRun[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const word = lower.length === text.length ? wanted.find((w) => lower.startsWith(w, at)) : undefined;
    if (word) {
      if (plain) runs.push({ text: plain, marked: false });
      plain = '';
      runs.push({ text: text.slice(at, at + word.length), marked: true });
      at += word.length;
    } else {
      plain += text[at];
      at += 1;
    }
  }
  if (plain) runs.push({ text: plain, marked: false });
  return runs;
}

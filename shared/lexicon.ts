/**
 * The sensitive-word lexicon: a matcher that finds every listed word in a text, for the review
 * panel now and a crisis-monitoring scanner over millions of messages later. It is an
 * Aho-Corasick automaton built once per lexicon: a scan is one pass over the text, stepping over
 * UTF-16 code units with typed-array lookups and allocating only for the matches it reports.
 *
 * Text and words are compared after normalizeChar (full-width → ASCII, case folded), which maps
 * one code unit to one code unit, so an offset in the normalized text is an offset in the original.
 * An optional extra fold (traditional → simplified Chinese, say) must keep that 1:1 property.
 */
import { Automaton, NONE, ROOT, TrieBuilder } from './aho-corasick';
import type { LexiconHit, SensitiveWord } from './calendar';

/**
 * One code unit folded for matching: full-width ASCII (U+FF01–U+FF5E) → ASCII, the ideographic
 * space → a space, A–Z and Latin-1 capitals → lower case. Everything else is unchanged.
 *
 * @example
 * normalizeChar(0xff21) // 0x61 ('Ａ' → 'a')
 * normalizeChar('É'.charCodeAt(0)) // 0xe9 ('é')
 * normalizeChar('敏'.charCodeAt(0)) // unchanged
 */
export function normalizeChar(code: number): number {
  if (code < 0x41) return code;
  if (code <= 0x5a) return code + 0x20;
  if (code < 0xc0) return code;
  // Latin-1 capitals À–Þ, except × (U+00D7).
  if (code <= 0xde) return code === 0xd7 ? code : code + 0x20;
  if (code === 0x3000) return 0x20;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = code - 0xfee0;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
  }
  return code;
}

/**
 * Whether a (normalized) code unit is a Latin letter or digit, the characters a Latin word's
 * boundary is made of.
 *
 * @example
 * isLatinWordChar('a'.charCodeAt(0)) // true
 * isLatinWordChar('敏'.charCodeAt(0)) // false
 */
export function isLatinWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    // Latin-1 letters and Latin Extended-A/B, without × and ÷.
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/** One word found in a text; `start`/`end` are UTF-16 offsets into the original text, end exclusive. */
export interface LexiconMatch {
  word: string;
  category: string;
  start: number;
  end: number;
}

/** Options of a LexiconMatcher. */
export interface LexiconMatcherOptions {
  /**
   * An extra 1:1 UTF-16 code unit mapping applied after normalizeChar to both words and text
   * (e.g. traditionalFold from shared/crisis/variants.ts); one unit to one keeps offsets exact.
   */
  fold?: (code: number) => number;
}

const identity = (code: number): number => code;

function normalizeWord(word: string, fold: (code: number) => number): string {
  let out = '';
  for (let i = 0; i < word.length; i++) out += String.fromCharCode(fold(normalizeChar(word.charCodeAt(i))));
  return out.trim();
}

/**
 * Finds lexicon words in text. Every occurrence is reported, overlapping ones included ('敏感' and
 * '敏感词' both hit in '敏感词'), ordered by start, longer first. A word's Latin letter or digit
 * at either edge must sit on a word boundary, so 'ass' does not hit 'class' while '敏感' hits
 * anywhere (Chinese has no word boundaries); a word repeated after normalization keeps its first
 * category. Build one matcher per lexicon and reuse it.
 *
 * @example
 * const matcher = new LexiconMatcher([{ word: '敏感', category: 'politics' }, { word: 'spam', category: 'ads' }]);
 * matcher.find('SPAM 敏感词') // [{ word: 'spam', category: 'ads', start: 0, end: 4 },
 *                            //  { word: '敏感', category: 'politics', start: 5, end: 7 }]
 * matcher.test('classy') // false
 * // With a fold, traditional spellings match simplified words (offsets still into the original):
 * new LexiconMatcher([{ word: '诈骗', category: 'fraud' }], { fold: traditionalFold }).find('詐騙') // [{ …, start: 0, end: 2 }]
 */
export class LexiconMatcher {
  /** Per word: spelling as listed, category, normalized length, boundary checks. */
  private readonly words: string[] = [];
  private readonly categories: string[] = [];
  private readonly lengths: number[] = [];
  private readonly boundaryBefore: boolean[] = [];
  private readonly boundaryAfter: boolean[] = [];
  private readonly automaton: Automaton;
  /** The extra fold, or null: the common case skips the call per code unit. */
  private readonly fold: ((code: number) => number) | null;

  constructor(words: readonly SensitiveWord[], options: LexiconMatcherOptions = {}) {
    this.fold = options.fold ?? null;
    // Build a trie, then compile it into typed arrays for scanning.
    const trie = new TrieBuilder();
    const output = trie.output;
    for (const { word, category } of words) {
      const norm = normalizeWord(word, this.fold ?? identity);
      if (norm === '') continue;
      const state = trie.add(norm.length, (i) => norm.charCodeAt(i));
      if (output[state] !== NONE) continue; // a duplicate keeps the first category
      output[state] = this.words.length;
      this.words.push(word.trim());
      this.categories.push(category);
      this.lengths.push(norm.length);
      this.boundaryBefore.push(isLatinWordChar(norm.charCodeAt(0)));
      this.boundaryAfter.push(isLatinWordChar(norm.charCodeAt(norm.length - 1)));
    }

    this.automaton = new Automaton(trie);
  }

  /** One code unit of text as the automaton sees it. */
  private codeAt(text: string, i: number): number {
    const code = normalizeChar(text.charCodeAt(i));
    return this.fold === null ? code : this.fold(code);
  }

  /** A word ending at `end` (exclusive) passes its boundary checks in `text`. */
  private onBoundary(text: string, word: number, end: number): boolean {
    if (this.boundaryBefore[word]) {
      const before = end - (this.lengths[word] as number) - 1;
      if (before >= 0 && isLatinWordChar(this.codeAt(text, before))) return false;
    }
    if (this.boundaryAfter[word] && end < text.length && isLatinWordChar(this.codeAt(text, end))) {
      return false;
    }
    return true;
  }

  /**
   * One pass over `text`, calling `visit` for each word passing its boundaries; stops early when
   * `visit` returns false.
   */
  private scan(text: string, visit: (word: number, end: number) => boolean): void {
    if (this.words.length === 0) return;
    const { fold, automaton } = this;
    const { output, dictLink } = automaton;
    let state = ROOT;
    for (let i = 0; i < text.length; i++) {
      const norm = normalizeChar(text.charCodeAt(i));
      state = automaton.next(state, fold === null ? norm : fold(norm));
      let hit = output[state] !== NONE ? state : (dictLink[state] as number);
      while (hit !== NONE) {
        const word = output[hit] as number;
        if (this.onBoundary(text, word, i + 1) && !visit(word, i + 1)) return;
        hit = dictLink[hit] as number;
      }
    }
  }

  /**
   * Every occurrence of every word in `text`, ordered by start, longer first.
   *
   * @example
   * new LexiconMatcher([{ word: 'abc', category: 'x' }]).find('ＡＢＣ!') // [{ word: 'abc', category: 'x', start: 0, end: 3 }]
   */
  find(text: string): LexiconMatch[] {
    const matches: LexiconMatch[] = [];
    this.scan(text, (word, end) => {
      const start = end - (this.lengths[word] as number);
      matches.push({ word: this.words[word] as string, category: this.categories[word] as string, start, end });
      return true;
    });
    // Found in order of end; the review panel wants reading order.
    return matches.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /**
   * Whether `text` contains any word (stops at the first).
   *
   * @example
   * new LexiconMatcher([{ word: 'ass', category: 'x' }]).test('a class') // false
   */
  test(text: string): boolean {
    let found = false;
    this.scan(text, () => {
      found = true;
      return false;
    });
    return found;
  }

  /**
   * The number of distinct words (after normalization).
   *
   * @example
   * new LexiconMatcher([{ word: 'Spam', category: 'a' }, { word: 'spam', category: 'b' }]).size // 1
   */
  get size(): number {
    return this.words.length;
  }
}

/**
 * A word list from text: one word per line, optionally followed by a category after a tab or
 * (without a tab) the first comma; blank lines and lines starting with '#' are skipped, a UTF-8
 * BOM is dropped, words and categories are trimmed, and a missing category is 'general'.
 *
 * @example
 * parseWordList('\uFEFF# ads\nspam,ads\n敏感词\n') // [{ word: 'spam', category: 'ads' }, { word: '敏感词', category: 'general' }]
 */
export function parseWordList(text: string): SensitiveWord[] {
  const words: SensitiveWord[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const cut = tab >= 0 ? tab : line.indexOf(',');
    const word = (cut >= 0 ? line.slice(0, cut) : line).trim();
    const category = cut >= 0 ? line.slice(cut + 1).trim() : '';
    if (word === '') continue;
    words.push({ word, category: category === '' ? 'general' : category });
  }
  return words;
}

/**
 * The text parseWordList reads back: 'word,category' lines with a trailing newline (a tab
 * instead of the comma for a word that contains a comma).
 *
 * @example
 * formatWordList([{ word: 'spam', category: 'ads' }]) // 'spam,ads\n'
 */
export function formatWordList(words: readonly SensitiveWord[]): string {
  return words.map((w) => `${w.word}${w.word.includes(',') ? '\t' : ','}${w.category}\n`).join('');
}

/**
 * An item's lexicon hits, the title's first.
 *
 * @example
 * lexiconHits(new LexiconMatcher([{ word: 'spam', category: 'ads' }]), 'No spam', '')
 * // [{ field: 'title', word: 'spam', category: 'ads', start: 3, end: 7 }]
 */
export function lexiconHits(matcher: LexiconMatcher, title: string, body: string): LexiconHit[] {
  const hits: LexiconHit[] = [];
  for (const [field, text] of [
    ['title', title],
    ['body', body],
  ] as const) {
    for (const m of matcher.find(text)) hits.push({ field, ...m });
  }
  return hits;
}

import { describe, expect, it } from 'vitest';
import type { SensitiveWord } from '../../shared/calendar';
import { formatWordList, LexiconMatcher, lexiconHits, normalizeChar, parseWordList } from '../../shared/lexicon';

const w = (word: string, category = 'general'): SensitiveWord => ({ word, category });
const spans = (matcher: LexiconMatcher, text: string): Array<[string, number, number]> =>
  matcher.find(text).map((m) => [m.word, m.start, m.end]);

describe('normalizeChar', () => {
  it('folds full-width ASCII, the ideographic space and capitals one code unit to one', () => {
    const fold = (s: string): string => String.fromCharCode(...[...s].map((c) => normalizeChar(c.charCodeAt(0))));
    expect(fold('ＡＢＣ ａｂｃ １２３！')).toBe('abc abc 123!');
    expect(fold('\u3000')).toBe(' ');
    expect(fold('Hello ÀÉÖ×')).toBe('hello àéö×');
    // The full-width comma is full-width ASCII; the ideographic full stop is not.
    expect(fold('敏感词，。')).toBe('敏感词,。');
  });
});

describe('LexiconMatcher', () => {
  it('finds words in mixed Chinese and English text, with offsets and categories', () => {
    const matcher = new LexiconMatcher([w('敏感', 'politics'), w('spam', 'ads'), w('加微信', 'ads')]);
    const text = 'Buy SPAM now，加微信 看敏感内容';
    expect(matcher.find(text)).toEqual([
      { word: 'spam', category: 'ads', start: 4, end: 8 },
      { word: '加微信', category: 'ads', start: 13, end: 16 },
      { word: '敏感', category: 'politics', start: 18, end: 20 },
    ]);
    expect(text.slice(18, 20)).toBe('敏感');
    expect(matcher.test(text)).toBe(true);
    expect(matcher.test('nothing to see')).toBe(false);
    expect(matcher.size).toBe(3);
  });

  it('reports overlapping words, by start then longer first', () => {
    const matcher = new LexiconMatcher([w('敏感'), w('敏感词'), w('感词'), w('词')]);
    expect(spans(matcher, '敏感词')).toEqual([
      ['敏感词', 0, 3],
      ['敏感', 0, 2],
      ['感词', 1, 3],
      ['词', 2, 3],
    ]);
    // Repeated and self-overlapping occurrences are all found.
    const aa = new LexiconMatcher([w('哈哈')]);
    expect(spans(aa, '哈哈哈')).toEqual([
      ['哈哈', 0, 2],
      ['哈哈', 1, 3],
    ]);
  });

  it('matches full-width letters with offsets into the original text', () => {
    const matcher = new LexiconMatcher([w('abc')]);
    expect(spans(matcher, '看ＡＢＣ！')).toEqual([['abc', 1, 4]]);
    expect(spans(matcher, 'x ABC y')).toEqual([['abc', 2, 5]]);
    // Words are normalized too: a full-width, upper-case word matches plain text.
    expect(spans(new LexiconMatcher([w('ＶＰＮ')]), 'free vpn')).toEqual([['ＶＰＮ', 5, 8]]);
  });

  it('matches Latin words on word boundaries only', () => {
    const matcher = new LexiconMatcher([w('ass'), w('free money'), w('v2')]);
    expect(matcher.find('a class act, bass, assets, passé')).toEqual([]);
    expect(spans(matcher, 'ass.')).toEqual([['ass', 0, 3]]);
    expect(spans(matcher, '(ASS)')).toEqual([['ass', 1, 4]]);
    // Chinese characters are boundaries for Latin words.
    expect(spans(matcher, '这是ass吗')).toEqual([['ass', 2, 5]]);
    expect(spans(matcher, 'get free money!')).toEqual([['free money', 4, 14]]);
    expect(matcher.find('carefree moneys')).toEqual([]);
    expect(spans(matcher, 'v2 and v23')).toEqual([['v2', 0, 2]]);
    expect(matcher.find('assé')).toEqual([]);
  });

  it('matches Chinese words anywhere, inside Latin text too', () => {
    const matcher = new LexiconMatcher([w('翻墙')]);
    expect(spans(matcher, 'how to翻墙fast')).toEqual([['翻墙', 6, 8]]);
    expect(spans(matcher, 'abc翻墙')).toEqual([['翻墙', 3, 5]]);
  });

  it('keeps the first category of a repeated word; ignores blank words; an empty lexicon finds nothing', () => {
    const matcher = new LexiconMatcher([w('Spam', 'ads'), w('spam', 'other'), w('ＳＰＡＭ', 'x'), w('  ')]);
    expect(matcher.size).toBe(1);
    expect(matcher.find('spam')).toEqual([{ word: 'Spam', category: 'ads', start: 0, end: 4 }]);
    const empty = new LexiconMatcher([]);
    expect(empty.size).toBe(0);
    expect(empty.find('敏感 spam')).toEqual([]);
    expect(empty.test('敏感 spam')).toBe(false);
  });

  it('scans 100k messages against 5,000 words in one pass each', () => {
    // 5,000 distinct words: 4,000 two- and three-character Chinese words and 1,000 Latin ones.
    const words: SensitiveWord[] = [];
    for (let i = 0; i < 4000; i++) {
      const a = String.fromCharCode(0x4e00 + (i % 200));
      const b = String.fromCharCode(0x5000 + Math.floor(i / 200));
      words.push(w(i % 2 === 0 ? a + b : a + b + a));
    }
    for (let i = 0; i < 1000; i++) words.push(w(`word${i}x`));
    const matcher = new LexiconMatcher(words);
    expect(matcher.size).toBe(5000);

    const pool = [
      'Welcome to the community, see the event page for details 欢迎加入社群',
      `今天的活动${String.fromCharCode(0x4e00, 0x5000)}很精彩 word7x word77`,
      'Nothing here but ordinary chatter about the product roadmap and pricing.',
      '这是一个普通的消息，没有任何问题。周末一起参加线下活动吗？',
    ];
    const expected = pool.map((m) => matcher.find(m).length);
    expect(expected).toEqual([0, 2, 0, 0]);
    let found = 0;
    let flagged = 0;
    for (let i = 0; i < 100_000; i++) {
      const message = pool[i % pool.length] ?? '';
      found += matcher.find(message).length;
      if (matcher.test(message)) flagged++;
    }
    expect(found).toBe(50_000);
    expect(flagged).toBe(25_000);
  });
});

describe('word lists', () => {
  it('parses lines with a BOM, comments, blank lines and categories', () => {
    const text =
      '\uFEFF# lexicon v1\r\n敏感词\r\n\r\nspam, ads \nvpn\ttools\n  # indented comment\n,no word\n加微信,\n';
    expect(parseWordList(text)).toEqual([
      { word: '敏感词', category: 'general' },
      { word: 'spam', category: 'ads' },
      { word: 'vpn', category: 'tools' },
      { word: '加微信', category: 'general' },
    ]);
  });

  it('formats a list parseWordList reads back', () => {
    const words = [w('敏感词', 'politics'), w('spam', 'ads'), w('a,b', 'x')];
    const text = formatWordList(words);
    expect(text).toBe('敏感词,politics\nspam,ads\na,b\tx\n');
    expect(parseWordList(text)).toEqual(words);
    expect(formatWordList([])).toBe('');
  });
});

describe('lexiconHits', () => {
  it('lists the title hits, then the body hits', () => {
    const matcher = new LexiconMatcher([w('spam', 'ads'), w('敏感', 'politics')]);
    expect(lexiconHits(matcher, 'No spam', '敏感内容 and spam')).toEqual([
      { field: 'title', word: 'spam', category: 'ads', start: 3, end: 7 },
      { field: 'body', word: '敏感', category: 'politics', start: 0, end: 2 },
      { field: 'body', word: 'spam', category: 'ads', start: 9, end: 13 },
    ]);
  });
});

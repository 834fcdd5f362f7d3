import { describe, expect, it } from 'vitest';
import type { SensitiveWord } from '../../shared/calendar';
import { traditionalFold, traditionalPairCount } from '../../shared/crisis/variants';
import { LexiconMatcher } from '../../shared/lexicon';

const w = (word: string, category = 'general'): SensitiveWord => ({ word, category });
const fold = (s: string): string => String.fromCharCode(...[...s].map((c) => traditionalFold(c.charCodeAt(0))));
const spans = (matcher: LexiconMatcher, text: string): Array<[string, number, number]> =>
  matcher.find(text).map((m) => [m.word, m.start, m.end]);

describe('traditionalFold', () => {
  it('folds the common community characters one code unit to one', () => {
    expect(fold('們這個說體質問題貨錢買賣產品退款詐騙內幕廣告發現謠言')).toBe(
      '们这个说体质问题货钱买卖产品退款诈骗内幕广告发现谣言',
    );
    expect(fold('這個產品質量有問題，我要退貨')).toBe('这个产品质量有问题，我要退货');
  });

  it('leaves simplified characters, Latin text and punctuation alone', () => {
    const text = '这个产品 OK！123';
    expect(fold(text)).toBe(text);
    expect(traditionalFold(0x61)).toBe(0x61);
    expect(traditionalFold(0xffff)).toBe(0xffff);
  });

  it('holds at least 600 pairs, none mapping to itself or into another traditional character', () => {
    expect(traditionalPairCount()).toBeGreaterThanOrEqual(600);
    for (let code = 0x4e00; code < 0xa000; code++) {
      const simplified = traditionalFold(code);
      if (simplified === code) continue;
      // Folding is idempotent: a simplified character is never folded again.
      expect(traditionalFold(simplified)).toBe(simplified);
    }
  });
});

describe('LexiconMatcher with a fold', () => {
  it('finds simplified words in traditional text, with offsets into the original', () => {
    const matcher = new LexiconMatcher([w('内幕', 'rumour'), w('诈骗', 'fraud')], { fold: traditionalFold });
    expect(matcher.find('公司內幕')).toEqual([{ word: '内幕', category: 'rumour', start: 2, end: 4 }]);
    expect(spans(matcher, '詐騙')).toEqual([['诈骗', 0, 2]]);
    const text = '有人說這是詐騙，還有公司內幕';
    const found = matcher.find(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['詐騙', '內幕']);
    // Simplified text still matches.
    expect(spans(matcher, '诈骗')).toEqual([['诈骗', 0, 2]]);
  });

  it('folds the words too, so a traditional word finds simplified text', () => {
    const matcher = new LexiconMatcher([w('詐騙')], { fold: traditionalFold });
    expect(spans(matcher, '这是诈骗')).toEqual([['詐騙', 2, 4]]);
  });

  it('applies the fold after normalizeChar, keeping Latin boundaries', () => {
    const matcher = new LexiconMatcher([w('spam'), w('廣告')], { fold: traditionalFold });
    expect(spans(matcher, 'ＳＰＡＭ 广告')).toEqual([
      ['spam', 0, 4],
      ['廣告', 5, 7],
    ]);
    expect(matcher.test('spammy')).toBe(false);
  });

  it('does not fold without the option', () => {
    const matcher = new LexiconMatcher([w('内幕'), w('诈骗')]);
    expect(matcher.find('公司內幕')).toEqual([]);
    expect(matcher.test('詐騙')).toBe(false);
    expect(spans(matcher, '公司内幕')).toEqual([['内幕', 2, 4]]);
  });
});

import { describe, expect, it } from 'vitest';
import { SORT_KEY_CHARS, sortKey } from '../../shared/sort-key';

describe('sortKey', () => {
  it('orders Han names by pinyin among Latin ones, case and width ignored', () => {
    const names = ['Zoe', '王小明', 'amy', 'Ｂｅｎ', '李雷'];
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual([
      'amy',
      'Ｂｅｎ',
      '李雷',
      '王小明',
      'Zoe',
    ]);
  });

  it('reads only the start of a very long name, never splitting a character', () => {
    const huge = '王'.repeat(10_000_000);
    const started = performance.now();
    const key = sortKey(huge);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(key).toBe(sortKey('王'.repeat(SORT_KEY_CHARS)));
    // An emoji (two UTF-16 units) straddling the cut is left out whole, not halved.
    const emoji = `${'a'.repeat(SORT_KEY_CHARS - 1)}☕😀tail`;
    expect(sortKey(`${'a'.repeat(SORT_KEY_CHARS - 1)}😀tail`)).toBe(
      `${'a'.repeat(SORT_KEY_CHARS - 1)}\u0001${'a'.repeat(SORT_KEY_CHARS - 1)}`,
    );
    expect(sortKey(emoji).endsWith('☕')).toBe(true);
    expect(sortKey(huge).length).toBeLessThan(8 * SORT_KEY_CHARS);
  });
});

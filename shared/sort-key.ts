/** Sorting names for Chinese-speaking users (kept apart from names.ts: it carries a pinyin dictionary). */
import { pinyin } from 'pinyin-pro';

/**
 * A key that sorts names the way a Chinese address book does: Han characters by their pinyin,
 * interleaved with Latin names alphabetically, case and width ignored; the name itself breaks ties.
 *
 * @example
 * [sortKey('Zoe'), sortKey('王小明'), sortKey('Amy')].sort() // Amy, 王小明 (wang), Zoe
 */
export function sortKey(name: string): string {
  const normal = name.normalize('NFKC').trim();
  const spelled = /\p{Script=Han}/u.test(normal) ? pinyin(normal, { toneType: 'none', nonZh: 'consecutive' }) : normal;
  return `${spelled.toLowerCase().replace(/\s+/g, ' ').trim()}\u0001${normal}`;
}

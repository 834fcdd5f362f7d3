/** Sorting names for Chinese-speaking users (kept apart from names.ts: it carries a pinyin dictionary). */
import { pinyin } from 'pinyin-pro';

/**
 * Characters of a name that decide its place. Past this, order hardly matters to anyone, and an
 * import carrying a megabytes-long "name" must not spell all of it out in pinyin (and store it twice).
 */
export const SORT_KEY_CHARS = 200;

/**
 * A key that sorts names the way a Chinese address book does: Han characters by their pinyin,
 * interleaved with Latin names alphabetically, case and width ignored; the name itself breaks ties.
 * Only the first SORT_KEY_CHARS characters count.
 *
 * @example
 * [sortKey('Zoe'), sortKey('王小明'), sortKey('Amy')].sort() // Amy, 王小明 (wang), Zoe
 */
export function sortKey(name: string): string {
  let head = name.length > SORT_KEY_CHARS ? name.slice(0, SORT_KEY_CHARS) : name;
  // Cut between the halves of a character outside the BMP (an emoji, a rare Han character): drop the half.
  if (head.length < name.length && /[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const normal = head.normalize('NFKC').trim();
  const spelled = /\p{Script=Han}/u.test(normal) ? pinyin(normal, { toneType: 'none', nonZh: 'consecutive' }) : normal;
  return `${spelled.toLowerCase().replace(/\s+/g, ' ').trim()}\u0001${normal}`;
}

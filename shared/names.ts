/**
 * Name matching that works for Chinese as well as Latin names: what "the same person's name"
 * looks like across platforms.
 */

/**
 * A key under which two spellings of one name meet: NFKC (full-width → half-width), lower case,
 * no spaces, punctuation, emoji or digits-only decorations; Latin tokens sorted, so
 * "Chen, Emma" and "emma chen" meet. CJK characters are kept in order (no word boundaries).
 *
 * @example
 * nameKey('Ｅｍｍａ  Chen') === nameKey('chen emma') // true
 * nameKey('王小明 ☕') === nameKey('王 小明') // true
 */
export function nameKey(name: string): string {
  const normal = name.normalize('NFKC').toLowerCase();
  const tokens = normal.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
  const cjk = tokens.filter((t) => /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u.test(t));
  const latin = tokens.filter((t) => !cjk.includes(t)).sort();
  return [cjk.join(''), ...latin].filter((t) => t.length > 0).join(' ');
}

/**
 * True when a key is specific enough to suggest a merge on: at least two CJK characters, or at
 * least five Latin letters across two tokens or six in one.
 *
 * @example
 * isDistinctiveName('王小明') // true
 * isDistinctiveName('bob') // false
 */
export function isDistinctiveName(key: string): boolean {
  if (key.length === 0) return false;
  const han = key.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han >= 2) return true;
  const letters = key.replace(/[^\p{L}]/gu, '').length;
  return key.includes(' ') ? letters >= 5 : letters >= 6;
}

/**
 * Normalises a handle for comparison across platforms: NFKC, lower case, no leading @, no
 * separators.
 *
 * @example
 * handleKey('@Latte_Lover') === handleKey('latte.lover') // true
 */
export function handleKey(handle: string): string {
  return handle.normalize('NFKC').toLowerCase().replace(/^@+/, '').replace(/[\s._-]+/g, '');
}

/**
 * Normalises a phone number to its digits, dropping a leading +86/0086 country code.
 *
 * @example
 * phoneKey('+86 138-0013-8000') === phoneKey('13800138000') // true
 */
export function phoneKey(phone: string): string {
  const digits = phone.normalize('NFKC').replace(/\D+/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

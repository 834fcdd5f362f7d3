/** Reading fields of assembled JSON values without `any`: each getter checks the type it returns. */

export type JsonObject = { readonly [key: string]: unknown };

/** Narrows a JSON value to an object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field; numbers are accepted and written in decimal (ids are sometimes numbers). */
export function str(o: JsonObject, key: string): string | null {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** A number field (numeric strings count), or null. */
export function num(o: JsonObject, key: string): number | null {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** True only when the field is the JSON value `true`. */
export function bool(o: JsonObject, key: string): boolean {
  return o[key] === true;
}

/** An object field, or null. */
export function obj(o: JsonObject, key: string): JsonObject | null {
  const v = o[key];
  return isObject(v) ? v : null;
}

/** An array field, or an empty array when it is missing or not an array. */
export function arr(o: JsonObject, key: string): readonly unknown[] {
  const v = o[key];
  return Array.isArray(v) ? v : [];
}

/** A non-empty trimmed string, or null. */
export function text(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/**
 * A short JSON rendering of a value for a problem row. Fuzzing found JSON.stringify overflowing
 * the stack on a value nested 100,000 deep (the streaming walker assembles such values without
 * recursion, so they do reach us) and copying a 20 MB value whole into the problem list.
 */
export function jsonPreview(value: unknown, max = 200): string {
  try {
    return JSON.stringify(value)?.slice(0, max) ?? '';
  } catch (error) {
    if (error instanceof RangeError) return '(nested too deeply to show)';
    throw error;
  }
}

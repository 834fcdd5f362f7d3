/**
 * Deterministic mutators for import fuzzing: each turns the bytes of a valid export into a
 * damaged one, driven only by a SeededRandom, so a case id (format, mutator, seed) replays the
 * exact same file on any machine.
 */
import iconv from 'iconv-lite';
import type { SeededRandom } from '../../shared/random';

export interface Mutator {
  name: string;
  /** Text mutators assume the bytes decode as UTF-8 (fixtures are re-encoded to UTF-8 first). */
  apply(bytes: Buffer, random: SeededRandom): Buffer;
}

const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

/** A random position in [0, length], inclusive so "at the very end" is possible. */
const at = (bytes: Buffer, random: SeededRandom): number => random.int(0, bytes.length);

function splice(bytes: Buffer, start: number, remove: number, insert: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([bytes.subarray(0, start), insert, bytes.subarray(Math.min(bytes.length, start + remove))]);
}

function randomBytes(random: SeededRandom, n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = random.int(0, 255);
  return out;
}

function lines(bytes: Buffer): string[] {
  return bytes.toString('utf8').split('\n');
}

/** The spans of JSON string literals or CSV/XML-ish values worth replacing: quoted runs. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /"(?:[^"\\\n]|\\.){0,200}"/g;
  for (let m = re.exec(text); m !== null && spans.length < 5000; m = re.exec(text))
    spans.push([m.index + 1, m.index + m[0].length - 1]);
  return spans;
}

/**
 * A long value of about `bytes` UTF-8 bytes, CJK and ASCII so multi-byte decoding is exercised.
 * Repeated by default; with `random`, incompressible (a zip holding it is not mistaken for a bomb).
 */
export function giantText(bytes: number, random?: SeededRandom): string {
  const unit = '社群运营 community ';
  if (!random) return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
  const parts: string[] = [];
  const codes: number[] = [];
  for (let size = 0; size < bytes;) {
    const cjk = random.chance(0.5);
    codes.push(cjk ? random.int(0x4e00, 0x9fa5) : random.int(0x61, 0x7a));
    size += cjk ? 3 : 1;
    if (codes.length === 8192) parts.push(String.fromCharCode(...codes.splice(0)));
  }
  parts.push(String.fromCharCode(...codes));
  return parts.join('');
}

/** Wraps `inner` in `depth` JSON arrays or objects, alternating, without recursion. */
export function deepJson(depth: number, inner = '0'): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    if (i % 2 === 0) {
      open.push('[');
      close.push(']');
    } else {
      open.push('{"a":');
      close.push('}');
    }
  }
  return open.join('') + inner + close.reverse().join('');
}

export const mutators: readonly Mutator[] = [
  { name: 'truncate', apply: (b, r) => b.subarray(0, r.int(0, Math.max(0, b.length - 1))) },
  {
    name: 'flip-bytes',
    apply: (b, r) => {
      const out = Buffer.from(b);
      const n = r.int(1, 8);
      for (let i = 0; i < n && out.length > 0; i++) {
        const p = r.int(0, out.length - 1);
        out[p] = (out[p] ?? 0) ^ (1 << r.int(0, 7));
      }
      return out;
    },
  },
  { name: 'insert-bytes', apply: (b, r) => splice(b, at(b, r), 0, randomBytes(r, r.int(1, 32))) },
  { name: 'delete-bytes', apply: (b, r) => splice(b, at(b, r), r.int(1, 64)) },
  {
    name: 'duplicate-line',
    apply: (b, r) => {
      const all = lines(b);
      const i = r.int(0, all.length - 1);
      all.splice(i, 0, all[i] ?? '');
      return Buffer.from(all.join('\n'));
    },
  },
  {
    name: 'drop-line',
    apply: (b, r) => {
      const all = lines(b);
      all.splice(r.int(0, all.length - 1), 1);
      return Buffer.from(all.join('\n'));
    },
  },
  {
    name: 'shuffle-lines',
    apply: (b, r) => {
      const all = lines(b);
      for (let i = all.length - 1; i > 0; i--) {
        const j = r.int(0, i);
        [all[i], all[j]] = [all[j] ?? '', all[i] ?? ''];
      }
      return Buffer.from(all.join('\n'));
    },
  },
  {
    name: 'giant-value',
    // 1–4 MiB keeps the bounded suite fast; the 20 MB field is one of the fixed cases.
    apply: (b, r) => {
      const text = b.toString('utf8');
      const spans = quotedSpans(text);
      const giant = giantText(r.int(1, 4) * 1024 * 1024);
      if (spans.length === 0) {
        const all = text.split('\n');
        const i = r.int(0, all.length - 1);
        all[i] = `${all[i] ?? ''}${giant}`;
        return Buffer.from(all.join('\n'));
      }
      const [s, e] = r.pick(spans);
      return Buffer.from(text.slice(0, s) + giant + text.slice(e));
    },
  },
  {
    name: 'odd-value',
    apply: (b, r) => {
      const text = b.toString('utf8');
      const spans = quotedSpans(text);
      if (spans.length === 0) return b;
      const [s, e] = r.pick(spans);
      const odd = r.pick([
        '',
        ' ',
        '-1',
        'NaN',
        '1e309',
        '9999-99-99',
        '0000-00-00T00:00:00Z',
        '\\u0000',
        '\\ud800',
        '<script>',
        '../../x',
        '💥'.repeat(50),
      ]);
      return Buffer.from(text.slice(0, s) + odd + text.slice(e));
    },
  },
  { name: 'gbk', apply: (b) => iconv.encode(b.toString('utf8'), 'gbk') },
  { name: 'gb18030', apply: (b) => iconv.encode(b.toString('utf8'), 'gb18030') },
  { name: 'utf16le-no-bom', apply: (b) => iconv.encode(b.toString('utf8'), 'utf-16le') },
  { name: 'utf16be-no-bom', apply: (b) => iconv.encode(b.toString('utf8'), 'utf-16be') },
  {
    name: 'utf16-wrong-bom',
    // A little-endian BOM on big-endian bytes: every character decodes to the wrong code point.
    apply: (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(b.toString('utf8'), 'utf-16be')]),
  },
  {
    name: 'invalid-utf8',
    apply: (b, r) => {
      const bad = r.pick([
        [0xc3, 0x28],
        [0xe2, 0x28, 0xa1],
        [0xf0, 0x28, 0x8c, 0x28],
        [0xff],
        [0xfe, 0xfe],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
      ]);
      return splice(b, at(b, r), 0, Buffer.from(bad));
    },
  },
  {
    name: 'bom-toggle',
    apply: (b) => (b.subarray(0, 3).equals(BOM_UTF8) ? b.subarray(3) : Buffer.concat([BOM_UTF8, BOM_UTF8, b])),
  },
  {
    name: 'crlf-cr',
    apply: (b, r) => Buffer.from(b.toString('utf8').replace(/\r?\n/g, r.chance(0.5) ? '\r\n' : '\r')),
  },
  {
    name: 'nest-deep',
    // Replaces a quoted value with nesting several thousand levels deep (the 100k case is fixed).
    apply: (b, r) => {
      const text = b.toString('utf8');
      const spans = quotedSpans(text);
      const deep = deepJson(r.int(1000, 20_000));
      if (spans.length === 0) return Buffer.from(deep);
      const [s, e] = r.pick(spans);
      return Buffer.from(`${text.slice(0, s - 1)}${deep}${text.slice(e + 1)}`);
    },
  },
  {
    name: 'nul-bytes',
    apply: (b, r) => splice(b, at(b, r), 0, Buffer.alloc(r.int(1, 4096))),
  },
];

/**
 * A mutator by name.
 *
 * @example
 * mutatorNamed('truncate').apply(Buffer.from('{"a":1}'), new SeededRandom(1))
 */
export function mutatorNamed(name: string): Mutator {
  const found = mutators.find((m) => m.name === name);
  if (!found) throw new Error(`no mutator ${name}`);
  return found;
}

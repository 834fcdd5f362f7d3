/**
 * Streams a JSON file (Discourse API responses) and hands over the values found at chosen paths (array elements such as
 * `latest_posts[]`), each fully assembled, with the line where it starts. Other values are
 * tokenised and dropped, so a large file never sits in memory. Built on stream-json's tokenizer,
 * fed one line at a time so every value knows its line.
 */
import { jsonParser as jsonTokenizer } from 'stream-json/parser.js';
import type { Token } from 'stream-json/parser.js';
import { importError } from '../errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A value found at a wanted path. Paths join keys with "." and mark array elements with "[]". */
export interface FoundValue {
  path: string;
  value: Json;
  line: number;
}

interface Frame {
  kind: 'object' | 'array';
  path: string;
  key: string | null;
}

/** Builds one value from packed tokens. */
class Assembler {
  private readonly stack: (Json[] | JsonObject)[] = [];
  private readonly keys: (string | null)[] = [];
  private key: string | null = null;
  done = false;
  value: Json = null;

  consume(token: Token): void {
    switch (token.name) {
      case 'startObject':
        this.open({});
        break;
      case 'startArray':
        this.open([]);
        break;
      case 'endObject':
      case 'endArray': {
        const finished = this.stack.pop() ?? null;
        this.key = this.keys.pop() ?? null;
        this.add(finished);
        break;
      }
      case 'keyValue':
        this.key = token.value;
        break;
      case 'stringValue':
        this.add(token.value);
        break;
      case 'numberValue':
        this.add(Number(token.value));
        break;
      case 'nullValue':
        this.add(null);
        break;
      case 'trueValue':
        this.add(true);
        break;
      case 'falseValue':
        this.add(false);
        break;
      default:
        break;
    }
  }

  private open(container: Json[] | JsonObject): void {
    this.stack.push(container);
    this.keys.push(this.key);
    this.key = null;
  }

  private add(value: Json): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.value = value;
      this.done = true;
    } else if (Array.isArray(top)) {
      top.push(value);
    } else if (this.key !== null) {
      // Like JSON.parse, a "__proto__" key is an own property, never the prototype.
      Object.defineProperty(top, this.key, { value, enumerable: true, writable: true, configurable: true });
      this.key = null;
    }
  }
}

/**
 * Walks JSON text given chunk by chunk. `wanted(path)` says which values to assemble; `found`
 * receives them in document order (nested wanted paths inside a wanted value are not reported
 * separately).
 */
export class JsonWalker {
  private readonly fileName: string;
  private readonly wanted: (path: string) => boolean;
  private readonly tokenize = jsonTokenizer({ streamValues: false });
  private readonly frames: Frame[] = [];
  private assembler: Assembler | null = null;
  private assemblingPath = '';
  private assemblingLine = 0;
  private line = 1;
  private sawValue = false;

  constructor(fileName: string, wanted: (path: string) => boolean) {
    this.fileName = fileName;
    this.wanted = wanted;
  }

  /** Feeds text; returns the wanted values completed by it. */
  push(text: string): FoundValue[] {
    const out: FoundValue[] = [];
    let start = 0;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl + 1;
      this.feed(text.slice(start, end), out);
      if (nl !== -1) this.line++;
      start = end;
    }
    return out;
  }

  /** Checks that the document was complete. */
  end(): void {
    if (!this.sawValue) throw importError(this.fileName, 'json', 'the file holds no JSON value', this.line);
    if (this.frames.length > 0 || this.assembler !== null) {
      throw importError(this.fileName, 'json', 'the JSON ends before it is complete (a truncated file?)', this.line);
    }
  }

  private feed(piece: string, out: FoundValue[]): void {
    let produced;
    try {
      produced = this.tokenize(piece);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw importError(this.fileName, 'json', `not valid JSON (${message})`, this.line);
    }
    if (typeof produced === 'symbol') return;
    for (const token of produced.values) this.token(token, out);
  }

  private pathOfNext(): string {
    const parent = this.frames[this.frames.length - 1];
    if (parent === undefined) return '';
    if (parent.kind === 'array') return `${parent.path}[]`;
    const key = parent.key ?? '';
    return parent.path === '' ? key : `${parent.path}.${key}`;
  }

  private token(token: Token, out: FoundValue[]): void {
    if (this.assembler !== null) {
      this.assembler.consume(token);
      if (this.assembler.done) {
        out.push({ path: this.assemblingPath, value: this.assembler.value, line: this.assemblingLine });
        this.assembler = null;
        this.afterValue();
      }
      return;
    }
    const isValueStart =
      token.name === 'startObject' ||
      token.name === 'startArray' ||
      token.name === 'stringValue' ||
      token.name === 'numberValue' ||
      token.name === 'nullValue' ||
      token.name === 'trueValue' ||
      token.name === 'falseValue';
    if (isValueStart) {
      this.sawValue = true;
      const path = this.pathOfNext();
      if (this.wanted(path)) {
        this.assembler = new Assembler();
        this.assemblingPath = path;
        this.assemblingLine = this.line;
        this.assembler.consume(token);
        if (this.assembler.done) {
          out.push({ path, value: this.assembler.value, line: this.line });
          this.assembler = null;
          this.afterValue();
        }
        return;
      }
    }
    switch (token.name) {
      case 'startObject':
        this.frames.push({ kind: 'object', path: this.pathOfNext(), key: null });
        break;
      case 'startArray':
        this.frames.push({ kind: 'array', path: this.pathOfNext(), key: null });
        break;
      case 'endObject':
      case 'endArray':
        this.frames.pop();
        this.afterValue();
        break;
      case 'keyValue': {
        const top = this.frames[this.frames.length - 1];
        if (top !== undefined) top.key = token.value;
        break;
      }
      default:
        if (isValueStart) this.afterValue();
        break;
    }
  }

  /** A value in an object ends: the next value needs its own key. */
  private afterValue(): void {
    const top = this.frames[this.frames.length - 1];
    if (top !== undefined && top.kind === 'object') top.key = null;
  }
}

/** Narrows a JSON value to an object. */
export function asObject(value: Json | undefined): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

/** A string field, or null. */
export function str(o: JsonObject, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : null;
}

/** A number field (numeric strings count), or null. */
export function numberField(o: JsonObject, key: string): number | null {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/**
 * Streaming JSON with line numbers for the JSON exports (chat exports, Slack's zip entries,
 * Discourse API responses). stream-json's tokenizer does the lexing; this module keeps the path,
 * assembles only the values a parser asks for (one message at a time) and skips the rest without
 * building it, so memory stays flat however long `messages` is. It is the `pick` + `streamArray`
 * pipeline by hand, because it also needs (a) several picks at once (`guild`, `channel`,
 * `messages.N`; or every `chats.list.N.messages.M`), (b) the 1-based line where each value
 * starts, for records and errors, and (c) to notice a truncated file (the tokenizer simply waits
 * for more input).
 * Lines come from feeding the tokenizer one line at a time (measured: ~40 MB/s on pretty-printed
 * DCE JSON, heap under 100 MB for a 557 MB file).
 */
import { jsonParser, type Token } from 'stream-json/parser.js';
import Assembler from 'stream-json/assembler.js';
import { importError } from '../errors';

export type JsonPath = readonly (string | number)[];

/** What to do with the value at a path: walk into it, build it whole, or step over it. */
export type WalkDecision = 'descend' | 'capture' | 'skip';

export type JsonEvent =
  | { type: 'value'; path: JsonPath; value: unknown; line: number }
  | { type: 'end'; path: JsonPath; line: number };

export interface JsonWalkOptions {
  fileName: string;
  /** Prefix for error fields, e.g. the zip entry name. */
  fieldPrefix?: string;
  decide(path: JsonPath): WalkDecision;
}

interface Frame {
  isArray: boolean;
  /** The key this container sits under in its parent (null for the root). */
  at: string | number | null;
  /** Current key (objects). */
  key: string | null;
  /** Next index (arrays). */
  index: number;
}

/**
 * Formats a path for messages.
 *
 * @example
 * formatPath(['messages', 41, 'author']) // 'messages[41].author'
 */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

class Walker {
  private readonly frames: Frame[] = [];
  private readonly asm = new Assembler();
  private mode: 'walk' | 'capture' | 'skip' = 'walk';
  private depth = 0;
  private capturePath: JsonPath = [];
  private captureLine = 0;
  private rootDone = false;
  private sawValue = false;
  events: JsonEvent[] = [];

  constructor(private readonly decide: (path: JsonPath) => WalkDecision) {}

  private framePath(): (string | number)[] {
    const path: (string | number)[] = [];
    for (const f of this.frames) if (f.at !== null) path.push(f.at);
    return path;
  }

  /** The path of the value being read, for error messages. */
  currentPath(): JsonPath {
    if (this.mode === 'capture') {
      const inner: (string | number)[] = [...this.capturePath, ...this.asm.path];
      const current = this.asm.current;
      if (Array.isArray(current)) inner.push(current.length);
      else if (this.asm.key !== null) inner.push(this.asm.key);
      return inner;
    }
    const path = this.framePath();
    const top = this.frames[this.frames.length - 1];
    if (top) {
      if (top.isArray) path.push(top.index);
      else if (top.key !== null) path.push(top.key);
    }
    return path;
  }

  get complete(): boolean {
    return this.rootDone;
  }

  get empty(): boolean {
    return !this.sawValue;
  }

  private finishValue(): void {
    this.mode = 'walk';
    if (this.frames.length === 0) this.rootDone = true;
  }

  token(t: Token, line: number): void {
    if (this.mode === 'capture') {
      this.asm.consume(t);
      if (this.asm.done) {
        this.events.push({ type: 'value', path: this.capturePath, value: this.asm.current, line: this.captureLine });
        this.asm.current = null;
        this.finishValue();
      }
      return;
    }
    if (this.mode === 'skip') {
      if (t.name === 'startObject' || t.name === 'startArray') this.depth += 1;
      else if (t.name === 'endObject' || t.name === 'endArray') {
        this.depth -= 1;
        if (this.depth === 0) this.finishValue();
      }
      return;
    }
    switch (t.name) {
      case 'keyValue': {
        const top = this.frames[this.frames.length - 1];
        if (top) top.key = t.value;
        return;
      }
      case 'endObject':
      case 'endArray': {
        const frame = this.frames.pop();
        const path = this.framePath();
        if (frame && frame.at !== null) path.push(frame.at);
        this.events.push({ type: 'end', path, line });
        if (this.frames.length === 0) this.rootDone = true;
        return;
      }
      case 'startObject':
      case 'startArray':
      case 'stringValue':
      case 'numberValue':
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        break;
      default:
        return; // streamed chunks are not requested from the tokenizer
    }
    this.sawValue = true;
    const top = this.frames[this.frames.length - 1];
    const at = top ? (top.isArray ? top.index++ : (top.key ?? '')) : null;
    const path = this.framePath();
    if (at !== null) path.push(at);
    const container = t.name === 'startObject' || t.name === 'startArray';
    const decision = this.decide(path);
    if (decision === 'descend' && container) {
      this.frames.push({ isArray: t.name === 'startArray', at, key: null, index: 0 });
    } else if (decision === 'skip') {
      if (container) {
        this.mode = 'skip';
        this.depth = 1;
      } else this.finishValue();
    } else if (container) {
      this.mode = 'capture';
      this.capturePath = path;
      this.captureLine = line;
      this.asm.consume(t);
    } else {
      this.events.push({ type: 'value', path, value: primitive(t), line });
      this.finishValue();
    }
  }
}

function primitive(t: Token): unknown {
  switch (t.name) {
    case 'stringValue':
      return t.value;
    case 'numberValue':
      return Number(t.value);
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    default:
      return null;
  }
}

/**
 * Walks a JSON text stream, yielding the requested values and container ends, one array of
 * events per input chunk. A syntax error or a truncated file is an import error naming the line
 * and the path being read.
 *
 * @example
 * walkJson(readTextFile(ctx), { fileName, decide: (p) => (p.length < 2 ? 'descend' : 'capture') })
 */
export async function* walkJson(chunks: AsyncIterable<string>, options: JsonWalkOptions): AsyncGenerator<JsonEvent[]> {
  const tokenize = jsonParser({ packValues: true, streamValues: false });
  const walker = new Walker(options.decide);
  const prefix = options.fieldPrefix ? `${options.fieldPrefix}:` : '';
  let line = 1;
  const feed = (text: string): void => {
    let out;
    try {
      out = tokenize(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^Parser (cannot parse input: )?/, '') : String(error);
      throw importError(options.fileName, prefix + formatPath(walker.currentPath()), `invalid JSON: ${reason}`, line);
    }
    if (typeof out === 'symbol') return;
    for (const t of out.values) walker.token(t, line);
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) {
        if (start < chunk.length) feed(start === 0 ? chunk : chunk.slice(start));
        break;
      }
      feed(chunk.slice(start, nl + 1));
      line += 1;
      start = nl + 1;
    }
    if (walker.events.length > 0) {
      yield walker.events;
      walker.events = [];
    }
  }
  // A number at the very end is only complete once the tokenizer sees what follows it.
  feed(' ');
  if (walker.events.length > 0) yield walker.events;
  if (walker.empty) throw importError(options.fileName, `${prefix}(root)`, 'the file is empty; expected JSON', line);
  if (!walker.complete) {
    throw importError(
      options.fileName,
      prefix + formatPath(walker.currentPath()),
      'unexpected end of file: the JSON is truncated (an unfinished export or an interrupted copy?)',
      line,
    );
  }
}

/** Splitting decoded text into numbered lines (LF or CRLF), a chunk's worth at a time. */
import { importError } from '../errors';

export interface TextLine {
  /** The line without its line break. */
  text: string;
  /** 1-based line number. */
  line: number;
}

/** A line longer than this is not a chat export; stop before it eats the memory. */
const MAX_LINE_CHARS = 16 * 1024 * 1024;

/**
 * Numbered lines of a text stream, yielded as one array per input chunk.
 *
 * @example
 * for await (const lines of readLines(readTextFile(ctx), ctx.fileName)) for (const { text, line } of lines) …
 */
export async function* readLines(chunks: AsyncIterable<string>, fileName: string): AsyncGenerator<TextLine[]> {
  let carry = '';
  let line = 1;
  // Chunks without a line break wait here and are joined once, when a break arrives: appending
  // each to the carry and searching it again made one 20 MB line cost seconds, quadratic in its
  // length (found by fuzzing).
  let pending: string[] = [];
  let pendingChars = 0;
  for await (const chunk of chunks) {
    if (!chunk.includes('\n')) {
      pending.push(chunk);
      pendingChars += chunk.length;
      if (carry.length + pendingChars > MAX_LINE_CHARS) throw importError(fileName, 'line', 'line longer than 16 MiB; not a text export', line);
      continue;
    }
    const out: TextLine[] = [];
    let text = carry + pending.join('') + chunk;
    pending = [];
    pendingChars = 0;
    let start = 0;
    // The carry and pending chunks hold no line break: search from where this chunk begins.
    let from = text.length - chunk.length;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl === -1) break;
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      out.push({ text: text.slice(start, end), line });
      line += 1;
      start = nl + 1;
      from = start;
    }
    carry = text.slice(start);
    text = '';
    if (carry.length > MAX_LINE_CHARS) throw importError(fileName, 'line', 'line longer than 16 MiB; not a text export', line);
    if (out.length > 0) yield out;
  }
  carry += pending.join('');
  if (carry.length > 0) {
    const end = carry.endsWith('\r') ? carry.length - 1 : carry.length;
    yield [{ text: carry.slice(0, end), line }];
  }
}

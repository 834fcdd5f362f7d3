/** The parser side of importing: every format turns a file into batches of ImportRecords. */
import type { ImportFormat, ImportRecord } from '../../../shared/import';

export interface ImportOptions {
  /** Column mapping for tables: Hearth field → column header (e.g. member → CustomerID). */
  map?: Record<string, string>;
  /** Date format for table columns, e.g. 'YYYYMMDD', 'M/D/YYYY H:mm', 'DD.MM.YYYY'. */
  dateFormat?: string;
  /** Text encoding override (utf-8, utf-16le, utf-16be, gb18030, gbk…); auto-detected otherwise. */
  encoding?: string;
  /** Zone for timestamps written without one (WhatsApp, CSV dates, Telegram `date`). */
  timeZone: string;
  /** Source name for tables, e.g. 'shop' (default: the format's own). */
  source?: string;
}

export interface ParseContext {
  /** Absolute path of the file or folder being imported. */
  path: string;
  /** The name used in messages: the file name. */
  fileName: string;
  options: ImportOptions;
  signal: AbortSignal;
  /** Reports progress through the input, in bytes read so far. */
  progress(bytesRead: number): void;
}

/** The first bytes of a file (and its name), enough for format detection. */
export interface Sample {
  fileName: string;
  /** Up to 64 KiB from the start of the file (empty for a folder). */
  head: Buffer;
  /** True when the path is a folder (Stack Exchange dumps). */
  isDirectory: boolean;
  /** Entry names when the file is a zip, or the file names in a folder; else empty. */
  zipEntries: string[];
}

export interface Parser {
  format: ImportFormat;
  /** 0 (not this format) to 1 (certainly this format). */
  detect(sample: Sample): number;
  /**
   * Streams the file as batches of records (a few thousand at a time), in file order. Throws an
   * ImportError for a fatal problem (naming file, line and field); yields ProblemRecords for rows
   * that can be skipped.
   */
  parse(ctx: ParseContext): AsyncIterable<ImportRecord[]>;
  /** Table formats: the columns of the file and the mapping `parse` would use with these options. */
  describe?(ctx: ParseContext): Promise<{ columns: string[]; mapping: Record<string, string> }>;
}

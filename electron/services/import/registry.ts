/** Every format Hearth imports, and how a file is matched to one. */
import { HearthError } from '../../../shared/errors';
import { importFormats, type ImportFormat } from '../../../shared/import';
import { chatParsers } from './parsers/chat';
import { tableParsers } from './parsers/tables';
import type { Parser, Sample } from './types';

export const parsers: readonly Parser[] = [...chatParsers, ...tableParsers];

/** The parser for a format id. */
export function parserFor(format: ImportFormat): Parser {
  const parser = parsers.find((p) => p.format === format);
  if (!parser) throw new HearthError('invalid_argument', `No importer for format ${format}`);
  return parser;
}

export interface Detection {
  format: ImportFormat;
  confidence: number;
}

/**
 * Ranks the formats for a sample, most likely first; only candidates with some confidence.
 */
export function rankFormats(sample: Sample): Detection[] {
  return parsers
    .map((p) => ({ format: p.format, confidence: p.detect(sample) }))
    .filter((d) => d.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
}

/** The most likely format, or an error listing what Hearth can read. */
export function detectFormat(sample: Sample): ImportFormat {
  const best = rankFormats(sample)[0];
  if (!best || best.confidence < 0.2) {
    throw new HearthError(
      'import_invalid',
      `${sample.fileName}: not a format Hearth recognises. Choose one of: ${importFormats.join(', ')}`,
      { file: sample.fileName, field: 'format' },
    );
  }
  return best.format;
}

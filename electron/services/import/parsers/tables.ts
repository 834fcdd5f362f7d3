/**
 * The formats this folder's table-and-forum half reads: Discourse API JSON, Stack Exchange dumps,
 * and tables (generic CSV, the orders and survey presets, xlsx).
 */
import type { Parser } from '../types';
import { discourseParser } from './discourse';
import { stackExchangeParser } from './stackexchange';
import { csvParser, ordersCsvParser, surveyCsvParser, xlsxParser } from './table';

export const tableParsers: Parser[] = [
  discourseParser,
  stackExchangeParser,
  csvParser,
  ordersCsvParser,
  surveyCsvParser,
  xlsxParser,
];

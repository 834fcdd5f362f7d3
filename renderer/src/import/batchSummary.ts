/** A one-line summary of what an import batch added, from its stored counts. */
import type { Batch } from '../../../shared/import';
import type { Formatters } from '../data/formatters';
import type { MessageKey, Translate } from '../i18n';

const parts: { keys: string[]; message: MessageKey }[] = [
  { keys: ['membersAdded'], message: 'batch.count.members' },
  { keys: ['activitiesAdded'], message: 'batch.count.activities' },
  { keys: ['ordersAdded'], message: 'batch.count.orders' },
  { keys: ['surveysAdded'], message: 'batch.count.surveys' },
  { keys: ['activitiesDuplicates', 'ordersDuplicates', 'surveysDuplicates'], message: 'batch.count.duplicates' },
  { keys: ['problems'], message: 'batch.count.problems' },
];

/**
 * The non-zero counts of a batch in words, e.g. "12 new members · 340 activities".
 * Counts the services did not record are read as zero.
 */
export function batchSummary(counts: Batch['counts'], t: Translate, f: Formatters): string {
  const words = parts.flatMap(({ keys, message }) => {
    const n = keys.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
    return n > 0 ? [t(message, { n: f.number(n) })] : [];
  });
  return words.length > 0 ? words.join(' · ') : t('batch.count.none');
}

/** The first characters of a checksum, enough to tell files apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

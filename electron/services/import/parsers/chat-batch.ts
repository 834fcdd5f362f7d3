/**
 * Collecting records into batches for the importer: a member record the first time each
 * identity appears (always before that identity's first activity), problems, and a flag saying
 * when a batch is big enough to hand over.
 */
import type { ActivityRecord, IdentityRef, ImportRecord, MemberRecord, ProblemRecord } from '../../../../shared/import';

export const BATCH_SIZE = 2000;

export class RecordBatch {
  private records: ImportRecord[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly size = BATCH_SIZE) {}

  /** Adds a member record unless this identity has been seen already in this file. */
  member(identity: IdentityRef, line: number, extra: Pick<MemberRecord, 'joinedAt' | 'tags'> = {}): void {
    const key = `${identity.source}\u0000${identity.externalId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.records.push({ type: 'member', identity, line, ...extra });
  }

  activity(record: Omit<ActivityRecord, 'type'>): void {
    this.member(record.author, record.line);
    this.records.push({ type: 'activity', ...record });
  }

  problem(line: number, field: string, value: string, message: string): void {
    const problem: ProblemRecord = { type: 'problem', line, field, value: value.slice(0, 200), message };
    this.records.push(problem);
  }

  get full(): boolean {
    return this.records.length >= this.size;
  }

  get length(): number {
    return this.records.length;
  }

  /** The records collected so far; the batch starts over empty. */
  take(): ImportRecord[] {
    const out = this.records;
    this.records = [];
    return out;
  }
}

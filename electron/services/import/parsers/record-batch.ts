/**
 * Collecting records into batches for the importer: a member record the first time each
 * identity appears (always before that identity's first activity), problems, and a flag saying
 * when a batch is big enough to hand over. Shared by every parser.
 */
import type { ActivityRecord, IdentityRef, ImportRecord, MemberRecord, ProblemRecord } from '../../../../shared/import';

/** Records per yielded batch: big enough to amortise a transaction, small enough to show progress. */
export const BATCH_SIZE = 2000;

/**
 * How many identities MembersSeen remembers (two generations of this many). A file's authors
 * can number millions; one who comes back after the window only gets a second member record,
 * which the writer resolves to the same member (and counts once).
 */
export const MEMBERS_SEEN_WINDOW = 50_000;

/** Remembers which identities lately had their member record in this file. */
export class MembersSeen {
  private current = new Set<string>();
  private previous = new Set<string>();

  constructor(private readonly window = MEMBERS_SEEN_WINDOW) {}

  /**
   * Pushes a member record for `identity` onto `out`, unless this identity has had one lately.
   *
   * @example
   * members.announce(out, author, row.line); // before the author's first activity
   */
  announce(out: ImportRecord[], identity: IdentityRef, line: number, extra: Pick<MemberRecord, 'joinedAt' | 'tags'> = {}): void {
    const key = `${identity.source}\u0000${identity.externalId}`;
    if (this.current.has(key)) return;
    const recent = this.previous.has(key);
    if (this.current.size >= this.window) {
      this.previous = this.current;
      this.current = new Set();
    }
    this.current.add(key);
    if (recent) return;
    const record: MemberRecord = { type: 'member', identity, line };
    if (extra.joinedAt !== undefined) record.joinedAt = extra.joinedAt;
    if (extra.tags !== undefined) record.tags = extra.tags;
    out.push(record);
  }
}

/** The records of one file on their way to the importer, handed over a batch at a time. */
export class RecordBatch {
  private records: ImportRecord[] = [];
  private readonly members = new MembersSeen();

  constructor(private readonly size = BATCH_SIZE) {}

  /** Adds a member record unless this identity has been seen already in this file. */
  member(identity: IdentityRef, line: number, extra: Pick<MemberRecord, 'joinedAt' | 'tags'> = {}): void {
    this.members.announce(this.records, identity, line, extra);
  }

  /** Adds an activity, after its author's member record when this is the author's first. */
  activity(record: Omit<ActivityRecord, 'type'>): void {
    this.member(record.author, record.line);
    this.records.push({ type: 'activity', ...record });
  }

  /** Adds a problem; the value is cut to 200 characters. */
  problem(line: number, field: string, value: string, message: string): void {
    const problem: ProblemRecord = { type: 'problem', line, field, value: value.slice(0, 200), message };
    this.records.push(problem);
  }

  /** Adds records built elsewhere, as they are. */
  push(records: readonly ImportRecord[]): void {
    for (const r of records) this.records.push(r);
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

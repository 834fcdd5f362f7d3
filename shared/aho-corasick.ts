/**
 * An Aho-Corasick automaton over UTF-16 code units, compiled into typed arrays so a scan of
 * millions of messages allocates nothing: the root's transitions are one 64 K table (most steps
 * of a scan happen at the root), the others an open-addressing hash table keyed by (state, code).
 * The sensitive-word matcher and the sentiment scorer both build on it.
 */

export const ROOT = 0;
export const NONE = -1;

/** A trie under construction: add words, mark their end states, then compile an Automaton. */
export class TrieBuilder {
  readonly children: Map<number, number>[] = [new Map()];
  /** What ends at each state (the caller's entry index), or NONE. */
  readonly output: number[] = [NONE];

  /**
   * Adds the code units `codeAt(0…length-1)` and returns the state the word ends at.
   *
   * @example
   * const trie = new TrieBuilder(); trie.output[trie.add(3, (i) => 'abc'.charCodeAt(i))] = 0;
   */
  add(length: number, codeAt: (i: number) => number): number {
    let state = ROOT;
    for (let i = 0; i < length; i++) {
      const code = codeAt(i);
      const map = this.children[state] as Map<number, number>;
      let child = map.get(code);
      if (child === undefined) {
        child = this.children.length;
        this.children.push(new Map());
        this.output.push(NONE);
        map.set(code, child);
      }
      state = child;
    }
    return state;
  }
}

export class Automaton {
  /** The entry ending at a state, or NONE. */
  readonly output: Int32Array;
  /** The nearest state along the failure chain (excluding itself) that ends an entry, or NONE. */
  readonly dictLink: Int32Array;
  private readonly fail: Int32Array;
  private readonly rootNext: Int32Array;
  private readonly edgeState: Int32Array;
  private readonly edgeCode: Uint16Array;
  private readonly edgeNext: Int32Array;
  private readonly edgeMask: number;

  /**
   * Compiles a trie.
   *
   * @example
   * const automaton = new Automaton(trie); automaton.next(ROOT, 0x61)
   */
  constructor(trie: TrieBuilder) {
    const { children } = trie;
    const stateCount = children.length;
    this.output = Int32Array.from(trie.output);
    this.fail = new Int32Array(stateCount);
    this.dictLink = new Int32Array(stateCount).fill(NONE);
    this.rootNext = new Int32Array(0x10000);
    let edges = 0;
    for (const map of children) edges += map.size;
    let capacity = 8;
    while (capacity < edges * 2) capacity *= 2;
    this.edgeMask = capacity - 1;
    this.edgeState = new Int32Array(capacity).fill(NONE);
    this.edgeCode = new Uint16Array(capacity);
    this.edgeNext = new Int32Array(capacity);

    // Breadth-first, so a state's failure target is complete before its children need it.
    const queue: number[] = [];
    for (const [code, child] of children[ROOT] ?? []) {
      this.rootNext[code] = child;
      this.fail[child] = ROOT;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [code, child] of children[state] ?? []) {
        this.insertEdge(state, code, child);
        // step() on an incomplete table is safe here: every state shallower than `child` is done.
        const target = this.next(this.fail[state] as number, code);
        this.fail[child] = target;
        this.dictLink[child] = this.output[target] !== NONE ? target : (this.dictLink[target] as number);
        queue.push(child);
      }
    }
  }

  private slot(state: number, code: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.edgeMask;
  }

  private insertEdge(state: number, code: number, next: number): void {
    let h = this.slot(state, code);
    while (this.edgeState[h] !== NONE) h = (h + 1) & this.edgeMask;
    this.edgeState[h] = state;
    this.edgeCode[h] = code;
    this.edgeNext[h] = next;
  }

  /** The goto of `state` on `code`: the root always has one (itself by default); else NONE. */
  private step(state: number, code: number): number {
    if (state === ROOT) return this.rootNext[code] as number;
    let h = this.slot(state, code);
    for (;;) {
      const s = this.edgeState[h] as number;
      if (s === NONE) return NONE;
      if (s === state && this.edgeCode[h] === code) return this.edgeNext[h] as number;
      h = (h + 1) & this.edgeMask;
    }
  }

  /**
   * The state after reading `code` in `state`, following failure links as needed.
   *
   * @example
   * let state = ROOT; for (const c of text) state = automaton.next(state, c.charCodeAt(0));
   */
  next(state: number, code: number): number {
    let s = state;
    let target = this.step(s, code);
    while (target === NONE) {
      s = this.fail[s] as number;
      target = this.step(s, code);
    }
    return target;
  }
}

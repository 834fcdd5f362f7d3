import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonPageSql, keysetPages, parsePage } from '../../db/queries/pages';
import { rowsWriter } from '../../db/queries/rows-writer';

let db: BetterSqlite3.Database;
beforeEach(() => {
  db = new BetterSqlite3(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, big INTEGER, x REAL, name TEXT)');
});
afterEach(() => db.close());

type Row = [number, number | null, number | null, string | null];

const values = (i: number): Row => [
  i,
  i % 5 === 0 ? null : 2 ** 53 - i,
  i % 7 === 0 ? null : i / 3 + 0.1,
  i % 3 === 0 ? null : `王小明 "${i}" \\ \u0001 ☕`,
];

describe('rows written many per call, read a page per JSON text', () => {
  it('writes every row (full calls and the rest) and reads them back exactly, across page boundaries', () => {
    const out = rowsWriter(db, 'INSERT INTO t (id, big, x, name)', 4, '', 4);
    for (let i = 1; i <= 23; i += 1) out.add(...values(i));
    expect(out.finish()).toBe(23);
    expect(() => out.add(1, 2)).toThrow(/2 values for 4 columns/);

    const page = db
      .prepare(
        jsonPageSql(
          ['id', 'big', 'x', 'name'],
          'id',
          'SELECT id, big, x, name FROM t WHERE id > ? ORDER BY id LIMIT 5',
        ),
      )
      .pluck();
    const pages = [
      ...keysetPages(
        (after) => parsePage<Row>(page.get(after)),
        5,
        (row) => row[0],
      ),
    ];
    expect(pages.map((rows) => rows.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat()).toEqual(Array.from({ length: 23 }, (_, i) => values(i + 1)));
    // The same rows as better-sqlite3 reads them one value at a time.
    expect(pages.flat()).toEqual(db.prepare('SELECT id, big, x, name FROM t ORDER BY id').raw().all());
  });

  it('reads an empty page as no rows', () => {
    const page = db.prepare(jsonPageSql(['id'], 'id', 'SELECT id FROM t WHERE id > ? ORDER BY id LIMIT 5')).pluck();
    expect(parsePage(page.get(0))).toEqual([]);
    expect(parsePage(null)).toEqual([]);
  });
});

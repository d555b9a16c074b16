/**
 * Bulk loading for the benchmark dataset: rows go in with COPY (text format), through `pg-copy-streams` on
 * PostgreSQL and through PGlite's `/dev/blob` device on the embedded database, so a national dataset loads at the
 * speed of the database rather than of INSERT statements.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | undefined;

export interface CopyTarget {
  /** Loads `rows` into `table` (`columns` in order); returns how many rows went in. */
  copy(table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number>;
  /** Plain SQL (DDL, sequence fixes, ANALYZE). */
  exec(sqlText: string): Promise<void>;
  query<T>(sqlText: string, params?: unknown[]): Promise<T[]>;
}

/** One value in COPY text format: backslash, tab, newline and carriage return escaped; NULL as \N. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) {
    return '\\N';
  }
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

function* lines(rows: Iterable<CopyValue[]>, counter: { n: number }): Generator<string> {
  let batch = '';
  for (const row of rows) {
    batch += `${row.map(copyField).join('\t')}\n`;
    counter.n += 1;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = '';
    }
  }
  if (batch) {
    yield batch;
  }
}

export function postgresTarget(client: pg.Client): CopyTarget {
  return {
    async copy(table, columns, rows) {
      const counter = { n: 0 };
      await pipeline(
        Readable.from(lines(rows, counter)),
        client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
      );
      return counter.n;
    },
    async exec(sqlText) {
      await client.query(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      return (await client.query(sqlText, params)).rows as T[];
    },
  };
}

export function pgliteTarget(pglite: PGlite): CopyTarget {
  return {
    async copy(table, columns, rows) {
      const counter = { n: 0 };
      const parts = [...lines(rows, counter)];
      if (counter.n > 0) {
        await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob(parts) });
      }
      return counter.n;
    },
    async exec(sqlText) {
      await pglite.exec(sqlText);
    },
    async query<T>(sqlText: string, params: unknown[] = []) {
      return (await pglite.query<T>(sqlText, params)).rows;
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

// count(*) is int8: a string through pg unless parsed; our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// A calendar date is a calendar date: no time zone shift through JS Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
export type DbOrTrx = Db | Trx;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Present on the embedded database: tests clone and dump it. */
  pglite?: PGlite;
  /** Present on PostgreSQL: modules that need a dedicated connection (LISTEN) open it from here. */
  url?: string;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { ltree, pg_trgm, btree_gist };

export interface OpenOptions {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; `memory://` for a throw-away database. */
  dataDir?: string;
  /** An already open PGlite (tests); it is closed with the database. */
  pglite?: PGlite;
  poolSize?: number;
}

/** Settings of every PostgreSQL session the app opens (also used by the benchmarks' floor, to measure the same). */
export const PG_SESSION_OPTIONS = '-c jit=off';

/** Opens PostgreSQL (with `url`) or the embedded PGlite, both behind the same Kysely PostgreSQL dialect. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    // JIT compilation off for this session: the app's statements are short, and where a plan overestimates rows (the
    // recursive walk of org_unit_current_refresh, run by a trigger on every unit insert) PostgreSQL spent about a
    // second compiling a statement that runs in 17 ms — a 500-unit import took 15 s instead of 1.7 s.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: PG_SESSION_OPTIONS,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return { db, kind: 'postgres', url: options.url, close: () => db.destroy() };
  }
  let pglite = options.pglite;
  if (!pglite) {
    const dataDir = options.dataDir ?? 'memory://';
    if (!dataDir.startsWith('memory://')) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    }
    pglite = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
  }
  const owned = pglite;
  // PGlite is one connection: the pool has one client, so a transaction holds it and other queries wait.
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(owned)) }) });
  return {
    db,
    kind: 'pglite',
    pglite: owned,
    close: async () => {
      await db.destroy();
      if (!owned.closed) {
        await owned.close();
      }
    },
  };
}

/** Runs `work` in a transaction, joining the caller's when `db` already is one (so services compose). */
export async function inTransaction<T>(db: DbOrTrx, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    return work(db as Trx);
  }
  return db.transaction().execute(work);
}

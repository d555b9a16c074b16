import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './connection';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: only one process applies migrations at a time.
const MIGRATION_LOCK = 4_705_020;

export function listMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((file) => file.endsWith('.sql'))
    .sort();
}

/**
 * Applies the SQL files not yet recorded, each in its own transaction, in name order.
 * Returns the names applied. Forward only: a landed migration is never edited.
 */
export async function migrate(db: Db, onApplied?: (name: string) => void): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`create table if not exists schema_migration (
        name text primary key,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const done = new Set((await conn.selectFrom('schema_migration').select('name').execute()).map((r) => r.name));
      const applied: string[] = [];
      for (const name of listMigrations()) {
        if (done.has(name)) {
          continue;
        }
        const text = fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8');
        await conn.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
          await trx.insertInto('schema_migration').values({ name }).execute();
        });
        applied.push(name);
        onApplied?.(name);
      }
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { openDatabase, PGLITE_EXTENSIONS, type Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { loadDemo } from '../modules/demo/demo.service';

export const TEST_TMP = path.resolve(import.meta.dirname, '..', '..', '.tmp');
export const PGLITE_TEMPLATE = path.join(TEST_TMP, 'pglite-template.tar.gz');
/** The migrated database with the demo organisation loaded, for the files that test what the demo holds. */
export const PGLITE_DEMO_TEMPLATE = path.join(TEST_TMP, 'pglite-demo-template.tar.gz');
// One template per checkout: two checkouts (worktrees, a CI clone beside a developer's run) testing against the same
// server at once must not drop each other's template.
const CHECKOUT = createHash('sha256').update(TEST_TMP).digest('hex').slice(0, 10);
export const PG_TEMPLATE_DB = `lantoa_test_template_${CHECKOUT}`;
export const PG_DEMO_TEMPLATE_DB = `lantoa_test_demo_template_${CHECKOUT}`;

/** A database name of this test process's own (dropped by whoever made it). */
function newDatabaseName(): string {
  return `lantoa_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
}

/** Which database the integration tests run on: PGlite unless LANTOA_TEST_DB=postgres (with TEST_DATABASE_URL). */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.LANTOA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Builds the templates once per run: the migrated database, and the same with the demo organisation loaded (five
 * files test what the demo holds; loading it once instead of in each saved about 80 s of the PGlite pass). Each test
 * file then starts from a copy of one of them.
 */
export async function prepareTemplates(): Promise<void> {
  fs.mkdirSync(TEST_TMP, { recursive: true });
  if (testDatabaseKind() === 'postgres') {
    const admin = await openDatabase({ url: serverUrl('postgres'), poolSize: 1 });
    for (const name of [PG_DEMO_TEMPLATE_DB, PG_TEMPLATE_DB]) {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    }
    await sql`create database ${sql.id(PG_TEMPLATE_DB)}`.execute(admin.db);
    const template = await openDatabase({ url: serverUrl(PG_TEMPLATE_DB), poolSize: 1 });
    await migrate(template.db);
    await template.close();
    await sql`create database ${sql.id(PG_DEMO_TEMPLATE_DB)} template ${sql.id(PG_TEMPLATE_DB)}`.execute(admin.db);
    const demo = await openDatabase({ url: serverUrl(PG_DEMO_TEMPLATE_DB), poolSize: 1 });
    await loadDemo(demo.db);
    await demo.close();
    await admin.close();
    return;
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database.db);
  const dump = async (file: string) => {
    const data = await database.pglite!.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await data.arrayBuffer()));
  };
  await dump(PGLITE_TEMPLATE);
  await loadDemo(database.db);
  await dump(PGLITE_DEMO_TEMPLATE);
  await database.close();
}

/** A fresh migrated database for one test file, with the demo organisation if asked; `close()` drops it. */
export async function openTestDatabase({ demo = false }: { demo?: boolean } = {}): Promise<Database> {
  if (testDatabaseKind() === 'postgres') {
    const name = newDatabaseName();
    const admin = await openDatabase({ url: serverUrl('postgres'), poolSize: 1 });
    const template = demo ? PG_DEMO_TEMPLATE_DB : PG_TEMPLATE_DB;
    await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin.db);
    const database = await openDatabase({ url: serverUrl(name), poolSize: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        // pool.end() returns before the server has seen every connection go; dropping with force then would
        // kill them and surface 57P01 in the pool. Wait for them instead.
        for (let i = 0; i < 50; i++) {
          const left = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity where datname = ${name}`.execute(admin.db);
          if (left.rows[0].n === 0) {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
        await admin.close();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(demo ? PGLITE_DEMO_TEMPLATE : PGLITE_TEMPLATE)]);
  const pglite = await PGlite.create({ loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
  return openDatabase({ pglite });
}

/** Fills a DATA_DIR's embedded database with a copy of the demo template: a CLI test's data without `demo load`. */
export async function seedDemoDataDir(dataDir: string): Promise<void> {
  const pglite = await PGlite.create({
    dataDir: path.join(dataDir, 'pglite'),
    loadDataDir: new Blob([fs.readFileSync(PGLITE_DEMO_TEMPLATE)]),
    extensions: PGLITE_EXTENSIONS,
  });
  await pglite.close();
}

/** An empty PostgreSQL database for a process under test (a CLI command opens it itself); `drop()` removes it. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = newDatabaseName();
  const admin = await openDatabase({ url: serverUrl('postgres'), poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  return {
    url: serverUrl(name),
    drop: async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

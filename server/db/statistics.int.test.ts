import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { createTree, signedIn } from '../test/factories';
import { openTestDatabase, testDatabaseKind } from '../test/databases';
import { postFile } from '../test/multipart';
import { putSetting } from '../platform/settings';
import { csvFile } from '../test/spreadsheets';
import type { Database } from './connection';
import { createStatisticsKeeper } from './statistics';

// PGlite runs no autovacuum: without these refreshes its planner never had table statistics (db/statistics.ts).

/** The planner's row estimate for a table: -1 until it has ever been analysed. */
async function estimatedRows(database: Database, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select reltuples::float8 as n from pg_class where relname = ${table} and relkind = 'r'`.execute(database.db);
  return rows[0].n;
}

describe('table statistics', () => {
  it('come with the demo, on both databases', async () => {
    const database = await openTestDatabase({ demo: true });
    try {
      expect(await estimatedRows(database, 'cell_meeting')).toBeGreaterThan(90_000);
      expect(await estimatedRows(database, 'org_unit')).toBeGreaterThan(3_000);
    } finally {
      await database.close();
    }
  });
});

describe('the statistics keeper', () => {
  let database: Database;
  let dataDir: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-statistics-'));
  });

  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refreshes them after an import that wrote, not after a dry run', async () => {
    const statistics = createStatisticsKeeper(database, { debounceMs: 20 });
    const app = await buildApp({ database, config: { ...loadConfig({}), dataDir, loadDemo: false }, statistics });
    await app.ready();
    try {
      const tree = await createTree(database.db);
      const editor = await signedIn(app, database.db, tree.commune, 'editor');
      const file = csvFile([
        ['unit_code', 'date', 'type', 'theme_included', 'members_on_roll', 'present'],
        [tree.cellA.code, '2019-01-15', 'regular', 'no', '18', '16'],
        [tree.cellA.code, '2019-02-15', 'regular', 'no', '18', '17'],
        [tree.cellB.code, '2019-02-12', 'regular', 'no', '9', '9'],
      ]);
      expect(await estimatedRows(database, 'cell_meeting')).toBe(-1);

      const dry = await postFile(editor, '/api/v1/meetings/import?dryRun=true', 'sinh-hoat.csv', file);
      expect(dry.statusCode, dry.body).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await estimatedRows(database, 'cell_meeting')).toBe(-1);

      const done = await postFile(editor, '/api/v1/meetings/import', 'sinh-hoat.csv', file);
      expect(done.statusCode, done.body).toBe(200);
      await expect.poll(() => estimatedRows(database, 'cell_meeting'), { timeout: 5_000 }).toBe(3);
    } finally {
      await app.close();
      await statistics.stop();
    }
  });

  it.runIf(testDatabaseKind() === 'pglite')('refreshes on demand on PGlite, once for calls that overlap', async () => {
    const statistics = createStatisticsKeeper(database);
    await putSetting(database.db, 'thu-thong-ke', true);
    await Promise.all([statistics.refresh(), statistics.refresh()]);
    expect(await estimatedRows(database, 'app_setting')).toBeGreaterThan(0);
    await statistics.stop();
  });
});

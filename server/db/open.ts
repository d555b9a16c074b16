import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { AppError } from '../platform/errors';
import { openDatabase, type Database } from './connection';
import { migrate } from './migrate';

/** The folder must exist and take a file, or start-up stops with a clear line (startup-errors.ts). */
export function ensureDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  fs.writeFileSync(probe, '');
  fs.unlinkSync(probe);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. A lock file with
 * the owner's pid keeps a CLI command from opening it while the server runs; a stale lock (dead pid) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'CONFLICT',
          `Cơ sở dữ liệu nhúng trong ${dataDir} đang được tiến trình ${owner} dùng (lantoa serve?): dừng tiến trình đó trước, hoặc dùng PostgreSQL (DATABASE_URL) để nhiều tiến trình cùng chạy.`,
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new AppError('CONFLICT', `Không khóa được thư mục dữ liệu ${dataDir}.`);
}

/** Opens the configured database (PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR/pglite) and migrates it. */
export async function openConfiguredDatabase(config: Config, onMigration?: (name: string) => void): Promise<Database> {
  ensureDataDir(config.dataDir);
  let database: Database;
  if (config.databaseUrl) {
    database = await openDatabase({ url: config.databaseUrl });
  } else {
    const unlock = lockDataDir(config.dataDir);
    try {
      const embedded = await openDatabase({ dataDir: path.join(config.dataDir, 'pglite') });
      database = {
        ...embedded,
        close: async () => {
          try {
            await embedded.close();
          } finally {
            unlock();
          }
        },
      };
    } catch (error) {
      unlock();
      throw error;
    }
  }
  try {
    await migrate(database.db, onMigration);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

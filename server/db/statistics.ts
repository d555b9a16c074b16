import { sql } from 'kysely';
import type { Database, DbOrTrx } from './connection';

// The planner's table statistics. PostgreSQL's autovacuum keeps them; the embedded PGlite runs no autovacuum, so a
// data folder never had any: every join was planned as if each table held a handful of rows. Measured on the demo
// (100,000 meetings): a province's meeting figures took 5.3 s without statistics and 0.27 s with them. So the
// application asks for them itself — after a bulk load, when the server starts on PGlite, after an import, and every
// half hour on PGlite while it runs.

/** Refreshes the statistics of every table (ANALYZE: reads a sample, ~1 s for the demo on PGlite). */
export async function analyzeTables(db: DbOrTrx): Promise<void> {
  await sql`analyze`.execute(db);
}

export interface StatisticsKeeper {
  /** Many rows were just written (an import): refresh soon, once for a burst of calls. No-op on PostgreSQL. */
  changed(): void;
  /** Refreshes now on PGlite (no-op on PostgreSQL); a refresh already running is awaited rather than doubled. */
  refresh(): Promise<void>;
  /** Stops the timers and waits for a refresh in progress (before the database closes). */
  stop(): Promise<void>;
}

export interface StatisticsOptions {
  /** Delay after `changed()`, so an import's burst of writes is analysed once. */
  debounceMs?: number;
  /** Refresh this often on PGlite whatever happened (records entered one by one add up too). */
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export function createStatisticsKeeper(database: Database, options: StatisticsOptions = {}): StatisticsKeeper {
  if (database.kind !== 'pglite') {
    return { changed: () => {}, refresh: async () => {}, stop: async () => {} };
  }
  const { debounceMs = 1_000, intervalMs = 30 * 60_000, onError = () => {} } = options;
  let running: Promise<void> | undefined;
  let pending: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = (): Promise<void> => {
    if (stopped) {
      return Promise.resolve();
    }
    running ??= analyzeTables(database.db)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const interval = setInterval(() => void refresh(), intervalMs);
  interval.unref();
  return {
    changed: () => {
      if (stopped) {
        return;
      }
      clearTimeout(pending);
      pending = setTimeout(() => void refresh(), debounceMs);
      pending.unref();
    },
    refresh,
    stop: async () => {
      stopped = true;
      clearTimeout(pending);
      clearInterval(interval);
      await running;
    },
  };
}

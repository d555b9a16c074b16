import { sql } from 'kysely';
import type { Database, DbOrTrx } from './connection';

// The planner's table statistics. The embedded PGlite runs no autovacuum, so a data folder never had any: every join
// was planned as if each table held a handful of rows. Measured on the demo (100,000 meetings): a province's meeting
// figures took 5.3 s without statistics and 0.27 s with them. PostgreSQL's autovacuum keeps them, but only about a
// minute after a bulk write: the national commendation counts right after importing 100,000 recipients took 850 ms
// instead of 50 (a nested loop planned for 689 recipients and 1 unit). So the application asks for them itself —
// after a bulk load and after every import that wrote (both databases), and on PGlite when the server starts and every
// half hour while it runs.

/** Refreshes the statistics of every table (ANALYZE: reads a sample, ~1 s for the demo on PGlite). */
export async function analyzeTables(db: DbOrTrx): Promise<void> {
  await sql`analyze`.execute(db);
}

export interface StatisticsKeeper {
  /** Many rows were just written (an import): refresh soon, once for a burst of calls. */
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
  const { debounceMs = 1_000, intervalMs = 30 * 60_000, onError = () => {} } = options;
  const isEmbedded = database.kind === 'pglite';
  let running: Promise<void> | undefined;
  let pending: NodeJS.Timeout | undefined;
  let stopped = false;
  const analyze = (): Promise<void> => {
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
  // Autovacuum does this on PostgreSQL.
  const interval = isEmbedded ? setInterval(() => void analyze(), intervalMs) : undefined;
  interval?.unref();
  return {
    changed: () => {
      if (stopped) {
        return;
      }
      clearTimeout(pending);
      pending = setTimeout(() => void analyze(), debounceMs);
      pending.unref();
    },
    refresh: () => (isEmbedded ? analyze() : Promise.resolve()),
    stop: async () => {
      stopped = true;
      clearTimeout(pending);
      clearInterval(interval);
      await running;
    },
  };
}

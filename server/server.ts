import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import type { Database } from './db/connection';
import { openConfiguredDatabase } from './db/open';
import { createStatisticsKeeper } from './db/statistics';
import { countUnitsByPeriod, ensureAdmin } from './modules/demo/bootstrap';
import { isDemoLoaded, loadDemo } from './modules/demo/demo.service';
import { createLogger } from './platform/logger';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * Opens and migrates the database, creates the administrator and the demo on first start, then listens.
 * Returns once the server accepts requests.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const started = Date.now();
  // Fail on a taken port before minutes of first-start work, not after.
  await assertPortFree(config.host, config.port);
  const logger = createLogger(config);
  const database = await openConfiguredDatabase(config, (name) =>
    logger.info({ migration: name }, 'migration applied'),
  );
  try {
    const admin = await ensureAdmin(database.db, { adminPassword: config.adminPassword, dataDir: config.dataDir });
    if (admin.generatedPassword) {
      // Printed once, on purpose outside the JSON log: the operator needs to read it.
      process.stdout.write(
        `\nTài khoản quản trị: admin / ${admin.generatedPassword}\n(đã lưu vào ${admin.passwordFile}; hãy đổi mật khẩu sau khi đăng nhập)\n\n`,
      );
    }
    const statistics = createStatisticsKeeper(database, {
      onError: (error) => logger.warn({ err: error }, 'table statistics not refreshed'),
    });
    if (config.loadDemo && admin.isCreated && !(await isDemoLoaded(database.db))) {
      const demoStarted = Date.now();
      const result = await loadDemo(database.db);
      logger.info({ units: result.unitsByPeriod, ms: Date.now() - demoStarted }, 'demo organisation loaded');
    } else {
      // PGlite keeps no statistics of its own; whatever a CLI command or an older version wrote is counted now.
      await statistics.refresh();
    }
    const app = await buildApp({ database, config, statistics }, { logger, serveWeb: true });
    const url = await app.listen({ host: config.host, port: config.port });
    const units = await countUnitsByPeriod(database.db);
    logger.info(
      { url, database: database.kind, startupMs: Date.now() - started, units },
      `Lan Tỏa sẵn sàng tại ${url}`,
    );
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await app.close();
        await statistics.stop();
        await database.close();
      })();
      return stopping;
    };
    return { app, database, url, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

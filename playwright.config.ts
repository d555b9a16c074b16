import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const ROOT = import.meta.dirname;
// E2E_PORT lets a second run (another checkout, another developer on the machine) use its own server and data.
const PORT = Number(process.env.E2E_PORT ?? 3999);
const DATA_DIR = path.join(ROOT, '.tmp', PORT === 3999 ? 'e2e-data' : `e2e-data-${PORT}`);

/** Must match e2e/support.ts (ADMIN). */
const ADMIN_PASSWORD = 'e2e-admin-pass';

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.tmp/playwright-output',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Two cores, and the PostgreSQL pass runs beside these tests (scripts/test.js): room for the longest flows on a
  // busy machine. A passing test takes what it takes; only a hang waits this long.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 860 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // The data directory is wiped here rather than in a globalSetup: Playwright starts the web server before
    // global setup runs, so a globalSetup would delete the database under a running server.
    command: `rm -rf "${DATA_DIR}" && exec node bin/lantoa.js serve --build-web`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR,
      ADMIN_PASSWORD,
      DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});

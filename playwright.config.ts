import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

import { E2E_PORT, E2E_WORKERS, serverURL } from './e2e/servers';

const ROOT = import.meta.dirname;

/** Must match e2e/support.ts (ADMIN). */
const ADMIN_PASSWORD = 'e2e-admin-pass';

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.tmp/playwright-output',
  // Each worker runs whole files against its own server (e2e/servers.ts; the `baseURL` fixture of e2e/support.ts).
  workers: E2E_WORKERS,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Two cores shared by two browsers and their servers: room for the longest flows on a busy machine. A passing test
  // takes what it takes; only a hang waits this long.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright-results.json' }]],
  use: {
    baseURL: serverURL(0),
    locale: 'vi-VN',
    // The app turns Ant Design's animations off for users who ask for less motion; tests wait on no animation.
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // A trace records every action's DOM and screenshots: it made the browser tests a third slower. A failure keeps
    // its screenshot and page snapshot (error-context.md); E2E_TRACE=1 records traces again, kept for failures.
    trace: process.env.E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
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
  webServer: Array.from({ length: E2E_WORKERS }, (_, index) => {
    const port = E2E_PORT + index;
    const dataDir = path.join(ROOT, '.tmp', `e2e-data-${port}`);
    return {
      // The data directory is wiped here rather than in a globalSetup: Playwright starts the web servers before
      // global setup runs, so a globalSetup would delete the database under a running server.
      command: `rm -rf "${dataDir}" && exec node bin/lantoa.js serve --build-web`,
      cwd: ROOT,
      url: `${serverURL(index)}/readyz`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ADMIN_PASSWORD,
        DEMO: 'true',
        LOG_LEVEL: 'warn',
      },
    };
  }),
});

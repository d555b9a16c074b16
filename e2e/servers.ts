/**
 * The browser tests' servers: one per Playwright worker, each with its own data folder and demo organisation, so two
 * workers never see each other's records. E2E_PORT moves them all (another checkout on the machine uses its own);
 * E2E_WORKERS sets how many run side by side.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3999);
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

/** The address of the server of the worker with this parallel index (0 … E2E_WORKERS − 1). */
export function serverURL(parallelIndex: number): string {
  return `http://127.0.0.1:${E2E_PORT + parallelIndex}`;
}

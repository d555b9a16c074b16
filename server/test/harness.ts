import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppContext } from '../app';
import { loadConfig } from '../config';
import type { Database } from '../db/connection';
import { openTestDatabase } from './databases';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * A migrated database of its own and an app on it; one per test file (beforeAll), closed in afterAll. With `demo`, the
 * database holds the demo organisation as `loadDemo` leaves it (copied from a template loaded once per run).
 */
export async function createTestContext({ demo = false }: { demo?: boolean } = {}): Promise<TestContext> {
  const database = await openTestDatabase({ demo });
  // A data folder of its own (stored files land there), removed with the context.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-test-'));
  const config = { ...loadConfig({}), dataDir, loadDemo: false };
  const ctx: AppContext = { database, config };
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    database,
    ctx,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A client bound to one session cookie (or none, for anonymous calls). */
export interface Client {
  cookie?: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function client(app: FastifyInstance, cookie?: string): Client {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...(options.headers ?? {}) } });
  return {
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Signs in through the API and returns a client carrying the session cookie. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  }
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return client(app, raw!.split(';')[0]);
}

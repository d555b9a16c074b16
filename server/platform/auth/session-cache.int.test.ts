import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, signedIn, signedInUser } from '../../test/factories';
import { createTestContext, type Client, type TestContext } from '../../test/harness';
import { sessionCache } from './session-cache';
import { hashToken, SESSION_COOKIE } from './sessions';
import { LISTENER_NAME } from './session-events';
import { startServerProcess, type ServerProcess } from '../../test/processes';

/**
 * Two server processes on one PostgreSQL: this test's app (A) and a `lantoa serve` child (B). Each caches resolved
 * sessions for SESSION_CACHE_MS; a revocation on one must reach the other's cache at once, not after the entry ages
 * out. Without the NOTIFY the other process answers 200 for the whole SESSION_CACHE_MS, and every test here fails.
 */
describe.runIf(process.env.LANTOA_TEST_DB === 'postgres')(
  'session cache: two server processes on one PostgreSQL',
  () => {
    let t: TestContext;
    let tree: Awaited<ReturnType<typeof createTree>>;
    let manager: Client;
    let second: ServerProcess;
    let urlA: string;
    let urlB: string;

    /**
     * A request over HTTP with the client's session cookie, as a browser would send it. Through A too, when B is the
     * one that revoked: an in-process `inject()` would start before A's event loop could read a notification already
     * on its socket, which no real request can.
     */
    const through = async (base: string, who: Client, url = '/api/v1/auth/me', method = 'GET') =>
      (await fetch(`${base}${url}`, { method, headers: { cookie: who.cookie! } })).status;
    const throughA = (who: Client, url?: string, method?: string) => through(urlA, who, url, method);
    const throughB = (who: Client, url?: string, method?: string) => through(urlB, who, url, method);

    beforeAll(async () => {
      t = await createTestContext();
      tree = await createTree(t.database.db);
      manager = await signedIn(t.app, t.database.db, tree.province, 'manager');
      urlA = await t.app.listen({ host: '127.0.0.1', port: 0 });
      second = await startServerProcess({
        DATABASE_URL: t.database.url!,
        HOST: '127.0.0.1',
        ADMIN_PASSWORD: 'mat-khau-quan-tri',
        LOG_LEVEL: 'warn',
      });
      urlB = second.url;
    });

    afterAll(async () => {
      await second?.stop();
      await t?.close();
    });

    it('refuses on B at once a user disabled through A', async () => {
      const { user, client: member } = await signedInUser(t.app, t.database.db, tree.commune, 'viewer');
      expect(await throughB(member)).toBe(200);
      expect(await throughB(member)).toBe(200);
      const disabled = await manager.patch(`/api/v1/users/${user.id}`, { isDisabled: true, version: 1 });
      expect(disabled.statusCode).toBe(200);
      expect(await firstRefusal(() => throughB(member))).toBe(401);
    });

    it('refuses on B at once a session signed out through A', async () => {
      const { client: member } = await signedInUser(t.app, t.database.db, tree.commune, 'viewer');
      expect(await throughB(member)).toBe(200);
      expect((await member.post('/api/v1/auth/logout')).statusCode).toBe(204);
      expect(await firstRefusal(() => throughB(member))).toBe(401);
    });

    it('refuses on B at once the sessions of a user whose password was reset through A', async () => {
      const { user, client: member } = await signedInUser(t.app, t.database.db, tree.commune, 'viewer');
      expect(await throughB(member)).toBe(200);
      const reset = await manager.post(`/api/v1/users/${user.id}/reset-password`, { password: 'mat-khau-moi-9' });
      expect(reset.statusCode).toBe(200);
      expect(await firstRefusal(() => throughB(member))).toBe(401);
    });

    it('refuses on A at once a session signed out through B', async () => {
      const { client: member } = await signedInUser(t.app, t.database.db, tree.commune, 'viewer');
      expect(await throughA(member)).toBe(200);
      expect(await throughB(member, '/api/v1/auth/logout', 'POST')).toBe(204);
      expect(await firstRefusal(() => throughA(member))).toBe(401);
    });

    it('bypasses the cache while its LISTEN connection is lost, and trusts it again once listening', async () => {
      const { client: member } = await signedInUser(t.app, t.database.db, tree.commune, 'viewer');
      expect((await member.get('/api/v1/auth/me')).statusCode).toBe(200);
      // Both processes lose their LISTEN connection (a database restart would do the same).
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and application_name = ${LISTENER_NAME}`.execute(t.database.db);
      await until(() => !sessionCache.isTrusted);
      // A revocation whose NOTIFY nobody heard: without the cache, A refuses it at once.
      const token = member.cookie!.slice(`${SESSION_COOKIE}=`.length);
      await t.database.db.deleteFrom('user_session').where('id', '=', hashToken(token)).execute();
      expect((await member.get('/api/v1/auth/me')).statusCode).toBe(401);
      await until(() => sessionCache.isTrusted);
      // Listening again: a sign-out through B reaches A's cache.
      const { client: other } = await signedInUser(t.app, t.database.db, tree.commune, 'viewer');
      expect(await throughA(other)).toBe(200);
      expect(await throughB(other, '/api/v1/auth/logout', 'POST')).toBe(204);
      expect(await firstRefusal(() => throughA(other))).toBe(401);
    });
  },
);

/**
 * The status of the next request, or of the first one that is not 200 within a second. The revoking request answers
 * once its own process heard the notification back; PostgreSQL wakes each listening connection on its own, so on a
 * loaded machine the other process may hear it a few milliseconds later still. A second is a third of the window
 * this closes: without the NOTIFY the answer stays 200 throughout.
 */
async function firstRefusal(request: () => Promise<number>): Promise<number> {
  const deadline = Date.now() + 1_000;
  let status = await request();
  while (status === 200 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    status = await request();
  }
  return status;
}

/** Waits (up to 10 s) for a condition that another connection's event makes true. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met within 10 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

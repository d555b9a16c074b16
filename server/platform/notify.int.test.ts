import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../test/databases';
import { NotifyChannel } from './notify';

/**
 * A LISTEN connection lost while the database refuses new connections (a restart that takes a while): the channel
 * keeps trying every second and listens again once it can; messages then flow again. An earlier copy in the
 * conferences module gave up after its first failed attempt.
 */
describe.runIf(process.env.LANTOA_TEST_DB === 'postgres')('NotifyChannel on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let admin: pg.Client;
  const name = () => new URL(database.url).pathname.slice(1);

  beforeAll(async () => {
    database = await createEmptyDatabase();
    const adminUrl = new URL(database.url);
    adminUrl.pathname = '/postgres';
    admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.query(`alter database "${name()}" allow_connections true`).catch(() => undefined);
    await admin?.end();
    await database?.drop();
  });

  it('listens again after its connection was lost while the database refused connections', async () => {
    const heard: string[] = [];
    const states: string[] = [];
    const channel = new NotifyChannel({
      url: database.url,
      channel: 'lantoa_test',
      applicationName: 'lantoa-test-listener',
      label: 'test',
      onMessage: (payload) => heard.push(payload),
      onDeaf: () => states.push('deaf'),
      onHearing: () => states.push('hearing'),
    });
    try {
      await channel.start();
      await channel.notify(['one']);
      await until(() => heard.includes('one'));
      expect(states).toEqual(['deaf', 'hearing']);

      await admin.query(`alter database "${name()}" allow_connections false`);
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name()],
      );
      await until(() => !channel.isListening);
      expect(states.at(-1)).toBe('deaf');
      // Two reconnect attempts fail meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(channel.isListening).toBe(false);

      await admin.query(`alter database "${name()}" allow_connections true`);
      await until(() => channel.isListening, 5_000);
      expect(states.at(-1)).toBe('hearing');
      // The sending connection was cut too: the next send opens a new one, and it is heard.
      await channel.notify(['two']).catch(() => channel.notify(['two']));
      await until(() => heard.includes('two'));
    } finally {
      await channel.close();
    }
  }, 30_000);
});

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'lantoa.js');

/** A TCP port free on 127.0.0.1 right now, for a server process a test starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  url: string;
  /** Everything it printed so far (JSON log lines). */
  output(): string;
  /** SIGTERM, then its exit code once it exited (a temporary data folder is removed then). */
  stop(): Promise<number | null>;
}

/**
 * Starts `lantoa serve` as its own process — what a second server on the same database, or a restart, really is —
 * with `env` over the test's own (no demo, JSON logs), on `PORT` or a free port, with `DATA_DIR` or a temporary
 * folder. Resolves once it answers /readyz; a busy two-core machine can take tens of seconds, so it waits up to two
 * minutes, then fails with the process's output.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const ownDataDir = env.DATA_DIR ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'lantoa-server-'));
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      LOG_FORMAT: 'json',
      DEMO: 'false',
      ...env,
      PORT: port,
      ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const cleanUp = () => ownDataDir && fs.rmSync(ownDataDir, { recursive: true, force: true });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    const isReady = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (isReady) {
      break;
    }
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGTERM');
      await exited;
      cleanUp();
      throw new Error(`lantoa serve did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
      }
      const code = await exited;
      cleanUp();
      return code;
    },
  };
}

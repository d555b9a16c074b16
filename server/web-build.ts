import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist', 'web');
const STAMP = path.join(DIST, '.build-hash');
const INPUTS = ['web', 'common', 'vite.config.ts', 'package-lock.json'];

function hashInputs(): string {
  const hash = crypto.createHash('sha256');
  const visit = (entry: string) => {
    const full = path.join(ROOT, entry);
    if (!fs.existsSync(full)) {
      return;
    }
    if (fs.statSync(full).isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) {
        if (!child.endsWith('.test.ts')) {
          visit(path.join(entry, child));
        }
      }
      return;
    }
    hash.update(entry).update(fs.readFileSync(full));
  };
  INPUTS.forEach(visit);
  return hash.digest('hex');
}

/** True when dist/web is missing or was built from other sources than the ones on disk. */
export function isWebBuildStale(): boolean {
  if (!fs.existsSync(path.join(DIST, 'index.html')) || !fs.existsSync(STAMP)) {
    return true;
  }
  return fs.readFileSync(STAMP, 'utf8').trim() !== hashInputs();
}

/** Builds the web app with Vite when it is missing or stale; returns whether it built. */
export async function ensureWebBuild(log: (line: string) => void): Promise<boolean> {
  if (!isWebBuildStale()) {
    return false;
  }
  log('Đang dựng giao diện web (lần đầu hoặc mã nguồn đã đổi)…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(STAMP, hashInputs());
  log(`Đã dựng giao diện web trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  return true;
}

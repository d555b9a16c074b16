import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../auth/sessions';
import { validationFailed } from '../errors';

/** The header an import request names its progress by; the client polls GET /api/v1/imports/{id} with it. */
export const IMPORT_ID_HEADER = 'x-import-id';

export type ImportStatus = 'running' | 'done' | 'failed';

/** Reading and checking the rows, then (for imports that write in a second pass) writing them. */
export type ImportPhase = 'checking' | 'writing';

export interface ImportProgress {
  id: string;
  status: ImportStatus;
  phase: ImportPhase;
  /** Rows read and checked so far (or written, once `total` is known and writing has begun). */
  rows: number;
  /** All the rows of the file, when the import knows it. */
  total: number | null;
  startedAt: string;
  updatedAt: string;
}

interface Entry extends ImportProgress {
  /** A hash of the session cookie that started the import: only that session reads its progress. */
  session: string;
}

/** How long a finished import's progress stays readable (the client's last poll comes well before). */
const KEEP_FINISHED_MS = 10 * 60_000;
const MAX_ENTRIES = 2_000;
const ID_PATTERN = /^[\w-]{8,64}$/;

/**
 * Progress of the imports running in this process. Imports run inside one request and one transaction, so their
 * progress cannot be read from the database by another connection (and on PGlite there is no other connection);
 * it lives here instead. With several server processes, a poll must reach the process that runs the import (sticky
 * sessions); a poll that reaches another one answers 404 and the screen falls back to "checking".
 */
const entries = new Map<string, Entry>();

function prune(now: number): void {
  for (const [id, entry] of entries) {
    if (entry.status !== 'running' && now - Date.parse(entry.updatedAt) > KEEP_FINISHED_MS) {
      entries.delete(id);
    }
  }
  // Runaway clients: drop the oldest entries rather than grow without bound.
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value as string;
    entries.delete(oldest);
  }
}

export interface ImportTracker {
  onProgress: (rows: number, total?: number, phase?: ImportPhase) => void;
}

/**
 * Runs an import, publishing its progress under the request's `x-import-id` (when it has one) for the user who sent
 * it. The progress callback is cheap: the import calls it every few thousand rows.
 */
export async function withImportProgress<T>(
  request: FastifyRequest,
  run: (tracker: ImportTracker) => Promise<T>,
): Promise<T> {
  const header = request.headers[IMPORT_ID_HEADER];
  if (header === undefined) {
    return run({ onProgress: () => {} });
  }
  const id = Array.isArray(header) ? header[0] : header;
  if (!ID_PATTERN.test(id)) {
    const message = `Mã theo dõi tiến độ (${IMPORT_ID_HEADER}) không hợp lệ: 8–64 ký tự chữ, số, "-" hoặc "_".`;
    throw validationFailed(message, [{ path: `headers.${IMPORT_ID_HEADER}`, message }]);
  }
  const now = new Date().toISOString();
  prune(Date.now());
  const entry: Entry = {
    id,
    session: sessionKey(request),
    status: 'running',
    phase: 'checking',
    rows: 0,
    total: null,
    startedAt: now,
    updatedAt: now,
  };
  entries.set(id, entry);
  try {
    const result = await run({
      onProgress: (rows, total, phase) => {
        entry.phase = phase ?? entry.phase;
        entry.rows = rows;
        entry.total = total ?? entry.total;
        entry.updatedAt = new Date().toISOString();
      },
    });
    entry.status = 'done';
    return result;
  } catch (error) {
    entry.status = 'failed';
    throw error;
  } finally {
    entry.updatedAt = new Date().toISOString();
  }
}

function sessionKey(request: FastifyRequest): string {
  const token = request.cookies[SESSION_COOKIE] ?? '';
  return createHash('sha256').update(token).digest('hex');
}

/**
 * An import's progress, for the session that started it only — checked against the cookie, not the database, so the
 * poll answers while the import's transaction holds PGlite's single connection.
 */
export function readImportProgress(id: string, request: FastifyRequest): ImportProgress | undefined {
  const entry = entries.get(id);
  if (!entry || !request.cookies[SESSION_COOKIE] || entry.session !== sessionKey(request)) {
    return undefined;
  }
  const { session: _session, ...progress } = entry;
  return progress;
}

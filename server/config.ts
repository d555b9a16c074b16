import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** Where the embedded database, the generated admin password and uploaded files live. */
  dataDir: string;
  /** PostgreSQL server; when unset the embedded PGlite in `dataDir/pglite` is used. */
  databaseUrl?: string;
  adminPassword?: string;
  logLevel: string;
  /** Load the demo organisation into an empty database on first start. */
  loadDemo: boolean;
  /** Idle time after which a session ends; each request pushes it forward up to `sessionMaxDays`. */
  sessionIdleHours: number;
  sessionMaxDays: number;
  /** Behind a reverse proxy: trust X-Forwarded-* for the client address and HTTPS. */
  trustProxy: boolean;
  /** A Jitsi Meet server (origin, e.g. https://meet.example.vn): conference rooms are embedded from it. */
  jitsiUrl?: string;
}

export class ConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') {
    return 3000;
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT="${raw}" không hợp lệ: cần một số nguyên từ 1 đến 65535.`);
  }
  return port;
}

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) {
    return true;
  }
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) {
    return false;
  }
  throw new ConfigError(`${name}="${raw}" không hợp lệ: dùng true hoặc false.`);
}

function parsePositive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${name}="${raw}" không hợp lệ: cần một số dương.`);
  }
  return value;
}

/** Reads the settings from the environment; a bad one throws a ConfigError that says what to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL phải có dạng postgres://người_dùng@máy:cổng/tên_cơ_sở_dữ_liệu.');
  }
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD phải có ít nhất 8 ký tự.');
  }
  let jitsiUrl: string | undefined;
  if (env.JITSI_URL) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(env.JITSI_URL);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) {
      throw new ConfigError(`JITSI_URL="${env.JITSI_URL}" không hợp lệ: cần địa chỉ dạng https://meet.example.vn.`);
    }
    jitsiUrl = parsed.origin;
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: parsePort(env.PORT),
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl,
    adminPassword,
    logLevel: env.LOG_LEVEL || 'info',
    loadDemo: parseBool('DEMO', env.DEMO, true),
    sessionIdleHours: parsePositive('SESSION_IDLE_HOURS', env.SESSION_IDLE_HOURS, 12),
    sessionMaxDays: parsePositive('SESSION_MAX_DAYS', env.SESSION_MAX_DAYS, 7),
    trustProxy: parseBool('TRUST_PROXY', env.TRUST_PROXY, false),
    jitsiUrl,
  };
}

import { pino, type Logger } from 'pino';
import type { Config } from '../config';

/**
 * JSON lines (pino; Fastify adds the request id to each request's lines). In a terminal the same lines are made
 * readable by pino-pretty; LOG_FORMAT=json forces JSON there too.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  if (!process.stdout.isTTY || process.env.LOG_FORMAT === 'json') {
    return pino({ level: config.logLevel });
  }
  return pino({
    level: config.logLevel,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } },
  });
}

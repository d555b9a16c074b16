import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/connection';
import type { Config } from '../../config';
import { loadScope, type Actor } from '../access';
import { AppError } from '../errors';
import { sessionCache } from './session-cache';
import { hashToken, resolveSession, SESSION_COOKIE, type SessionUser } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    sessionUser?: SessionUser;
    currentActor?: Actor;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in itself, health checks). */
    isPublic?: boolean;
    /**
     * The route checks its caller itself, without the database: the session is not looked up. For the import
     * progress poll, which must answer while an import holds PGlite's only connection.
     */
    isSessionFree?: boolean;
  }
}

/** The signed-in caller of a route that requires one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.currentActor) {
    throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  }
  return request.currentActor;
}

/** One hook guards every /api route: it resolves the session cookie and refuses anonymous callers. */
export function registerAuth(app: FastifyInstance, database: Database, config: Config): void {
  const policy = { idleHours: config.sessionIdleHours, maxDays: config.sessionMaxDays };
  // onRequest, before validation: an anonymous caller learns nothing, not even which input would be valid.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config.isSessionFree) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const sessionId = hashToken(token);
      const found =
        sessionCache.get(sessionId) ??
        (await sessionCache.load(sessionId, async () => {
          const user = await resolveSession(database.db, token, policy);
          return user && { user, scope: await loadScope(database.db, user.userId) };
        }));
      if (found) {
        request.sessionUser = found.user;
        request.currentActor = {
          userId: found.user.userId,
          username: found.user.username,
          scope: found.scope,
          requestId: request.id,
          ip: request.ip,
        };
      }
    }
    if (!request.currentActor && !request.routeOptions.config.isPublic) {
      throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
    }
  });
}

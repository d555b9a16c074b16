import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/connection';
import type { StatisticsKeeper } from './db/statistics';
import { registerAuth } from './platform/auth/plugin';
import { SessionEvents } from './platform/auth/session-events';
import { registerErrorHandling, registerOriginCheck } from './platform/http';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { commendationsRoutes } from './modules/commendations/commendations.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { conferencesRoutes } from './modules/conferences/conferences.routes';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes';
import { studyThemesRoutes } from './modules/campaigns/study-themes.routes';
import { documentsRoutes } from './modules/documents/documents.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { orgUnitsRoutes } from './modules/org-units/org-units.routes';
import { meetingsRoutes } from './modules/meetings/meetings.routes';
import { inspectionsModuleRoutes } from './modules/inspections/inspections-module.routes';
import { modelsRoutes } from './modules/models/models.routes';
import { usersRoutes } from './modules/users/users.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { reportTemplatesRoutes } from './modules/reports/reports.routes';
import { reviewRoutes } from './modules/reports/review.routes';
import { submissionsRoutes } from './modules/reports/submissions.routes';

// Validation messages in Vietnamese, the language of every user-facing error.
z.config(z.locales.vi());

export const WEB_DIST = path.resolve(import.meta.dirname, '..', 'dist', 'web');

export interface AppContext {
  database: Database;
  config: Config;
  /** Keeps PGlite's planner statistics fresh (the server passes one; API tests need none). */
  statistics?: StatisticsKeeper;
}

export interface BuildOptions {
  logger?: FastifyBaseLogger;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
}

/** Builds the Fastify instance; never listens, so tests drive it with `inject()`. */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The Jitsi iframe API script and its frame, only when a Jitsi server is configured.
        scriptSrc: ["'self'", ...(ctx.config.jitsiUrl ? [ctx.config.jitsiUrl] : [])],
        frameSrc: ctx.config.jitsiUrl ? [ctx.config.jitsiUrl] : ["'none'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lan Tỏa API',
        description:
          'API theo dõi việc thực hiện Chỉ thị 05-CT/TW. Xác thực bằng cookie phiên (POST /api/v1/auth/login).',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(ctx.database.db);
      return { status: 'ready', database: ctx.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.database.kind });
    }
  });

  registerOriginCheck(app);
  registerAuth(app, ctx.database, ctx.config);
  // On PostgreSQL, sign-outs and revocations made by the other server processes clear this one's session cache.
  const sessionEvents = new SessionEvents(ctx.database, app.log);
  await sessionEvents.start();
  app.addHook('onClose', async () => sessionEvents.close());
  // Every import is `POST …/import`: one that wrote (not a dry run) has just added thousands of rows at once.
  app.addHook('onResponse', async (request, reply) => {
    const query = request.query as { dryRun?: string } | undefined;
    if (
      request.method === 'POST' &&
      request.routeOptions.url?.endsWith('/import') &&
      reply.statusCode === 200 &&
      query?.dryRun !== 'true'
    ) {
      ctx.statistics?.changed();
    }
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes, { ctx, prefix: '/auth' });
      await api.register(orgUnitsRoutes, { ctx, prefix: '/org-units' });
      await api.register(usersRoutes, { ctx, prefix: '/users' });
      await api.register(auditRoutes, { ctx, prefix: '/audit-log' });
      await api.register(commendationsRoutes, { ctx });
      await api.register(campaignsRoutes, { ctx, prefix: '/campaigns' });
      await api.register(studyThemesRoutes, { ctx, prefix: '/study-themes' });
      await api.register(documentsRoutes, { ctx, prefix: '/documents' });
      await api.register(importsRoutes, { ctx, prefix: '/imports' });
      await api.register(modelsRoutes, { ctx });
      await api.register(meetingsRoutes, { ctx });
      await api.register(inspectionsModuleRoutes, { ctx });
      await api.register(dashboardRoutes, { ctx });
      await api.register(reportTemplatesRoutes, { ctx, prefix: '/reports' });
      await api.register(submissionsRoutes, { ctx, prefix: '/reports' });
      await api.register(reviewRoutes, { ctx, prefix: '/reports' });
      await api.register(notificationsRoutes, { ctx, prefix: '/notifications' });
      await api.register(conferencesRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );

  if (options.serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
    const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    // Single-page app: any non-API GET that no file answers gets index.html, and the router takes over.
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const url = request.url.split('?')[0];
      if (url.startsWith('/api/')) {
        return reply.callNotFound();
      }
      const file = path.join(WEB_DIST, path.normalize(url));
      if (file.startsWith(WEB_DIST) && url !== '/' && fs.existsSync(file) && fs.statSync(file).isFile()) {
        const isHashed = url.startsWith('/assets/');
        return reply.sendFile(path.relative(WEB_DIST, file), {
          maxAge: isHashed ? 31_536_000_000 : 0,
          immutable: isHashed,
        });
      }
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    });
  }
  return app;
}

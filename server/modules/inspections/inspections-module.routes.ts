import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { registerInspectionDocuments } from './inspections-documents';
import { inspectionPlansRoutes } from './inspection-plans.routes';
import { getInspectionStats } from './inspections-stats';
import { inspectionsRoutes } from './inspections.routes';
import { inspectionStatsSchema, statsQuerySchema } from './inspections.schemas';
import { recommendationsRoutes } from './recommendations.routes';

const tags = ['inspections'];

/**
 * Everything of the inspections module under /api/v1: /inspection-plans, /inspections, /recommendations and
 * /stats/inspections. Registered once in app.ts.
 */
export const inspectionsModuleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerInspectionDocuments();
  await app.register(inspectionPlansRoutes, { ctx, prefix: '/inspection-plans' });
  await app.register(inspectionsRoutes, { ctx, prefix: '/inspections' });
  await app.register(recommendationsRoutes, { ctx, prefix: '/recommendations' });
  app.get(
    '/stats/inspections',
    {
      schema: {
        tags,
        summary:
          'Số liệu kiểm tra, giám sát của một đơn vị và cấp dưới trong kỳ: theo loại và cấp tiến hành, đối tượng, kiến nghị',
        querystring: statsQuerySchema,
        response: { 200: inspectionStatsSchema },
      },
    },
    async (request) => getInspectionStats(ctx.database.db, actorOf(request), request.query),
  );
};

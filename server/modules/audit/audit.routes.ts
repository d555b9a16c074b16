import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { entityTypesResponseSchema, listAuditQuerySchema, listAuditResponseSchema } from './audit.schemas';
import { listAuditEntityTypes, listAuditLog } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['audit-log'];
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Nhật ký thao tác của các đơn vị mình quản lý, mới nhất trước (lọc theo người, loại, đơn vị, ngày)',
        querystring: listAuditQuerySchema,
        response: { 200: listAuditResponseSchema },
      },
    },
    async (request) => listAuditLog(db, actorOf(request), request.query),
  );

  app.get(
    '/entity-types',
    {
      schema: {
        tags,
        summary: 'Các loại đối tượng có trong nhật ký (cho bộ lọc)',
        response: { 200: entityTypesResponseSchema },
      },
    },
    async (request) => ({ items: await listAuditEntityTypes(db, actorOf(request)) }),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { registerDocumentOwner } from '../../platform/documents';
import { commendationsTransferRoutes } from './commendations-transfer.routes';
import { commendationRecipientsRoutes } from './commendations-recipients.routes';
import { getCommendationStats } from './commendations-stats';
import * as repo from './commendations.repository';
import {
  createDecisionBodySchema,
  decisionDetailSchema,
  decisionIdParamsSchema,
  listDecisionsQuerySchema,
  listDecisionsResponseSchema,
  statsQuerySchema,
  statsResponseSchema,
  updateDecisionBodySchema,
  versionQuerySchema,
} from './commendations.schemas';
import {
  createCommendationDecision,
  deleteCommendationDecision,
  getCommendationDecision,
  listCommendationDecisions,
  updateCommendationDecision,
} from './commendations.service';

/** /api/v1/commendations/* and /api/v1/stats/commendations (registered without a prefix). */
export const commendationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['commendations'];
  const { db } = ctx.database;
  const base = '/commendations';
  registerDocumentOwner('commendation_decision', {
    resolveUnit: (conn, id) => repo.findDecisionUnit(conn, id),
    label: 'quyết định khen thưởng',
  });

  await app.register(commendationsTransferRoutes, { ctx, prefix: base });
  await app.register(commendationRecipientsRoutes, { ctx, prefix: base });

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Quyết định khen thưởng (lọc theo cấp, hình thức, loại, chương trình, ngày, đơn vị; tìm không dấu)',
        querystring: listDecisionsQuerySchema,
        response: { 200: listDecisionsResponseSchema },
      },
    },
    async (request) => listCommendationDecisions(db, actorOf(request), request.query),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Một quyết định và danh sách tập thể, cá nhân được khen',
        params: decisionIdParamsSchema,
        response: { 200: decisionDetailSchema },
      },
    },
    async (request) => getCommendationDecision(db, actorOf(request), request.params.id),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Thêm quyết định khen thưởng cùng người, tập thể được khen',
        body: createDecisionBodySchema,
        response: { 201: decisionDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCommendationDecision(db, actorOf(request), request.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Sửa quyết định (kèm version; 409 nếu đã bị người khác sửa, nêu các thay đổi)',
        params: decisionIdParamsSchema,
        body: updateDecisionBodySchema,
        response: { 200: decisionDetailSchema },
      },
    },
    async (request) => updateCommendationDecision(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Xóa quyết định và người, tập thể được khen (quản lý)',
        params: decisionIdParamsSchema,
        querystring: versionQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCommendationDecision(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/stats/commendations',
    {
      schema: {
        tags,
        summary:
          'Số tập thể, cá nhân được khen theo cấp, của đơn vị (mã hoặc id, xác định tại ngày "to") và từng đơn vị trực thuộc, trong [from, to]',
        querystring: statsQuerySchema,
        response: { 200: statsResponseSchema },
      },
    },
    async (request) => getCommendationStats(db, actorOf(request), request.query),
  );
};

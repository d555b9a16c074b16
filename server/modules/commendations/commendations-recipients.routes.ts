import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import {
  addCommendationRecipient,
  deleteCommendationRecipient,
  updateCommendationRecipient,
} from './commendations-recipients';
import {
  addRecipientBodySchema,
  decisionDetailSchema,
  decisionIdParamsSchema,
  recipientParamsSchema,
  requiredVersionQuerySchema,
  updateRecipientBodySchema,
} from './commendations.schemas';

/** Recipients edited one at a time from the decision page; each answer is the whole decision with its new version. */
export const commendationRecipientsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['commendations'];
  const { db } = ctx.database;

  app.post(
    '/:id/recipients',
    {
      schema: {
        tags,
        summary: 'Thêm một tập thể, cá nhân vào quyết định (kèm version của quyết định)',
        params: decisionIdParamsSchema,
        body: addRecipientBodySchema,
        response: { 201: decisionDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCommendationRecipient(db, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/:id/recipients/:recipientId',
    {
      schema: {
        tags,
        summary: 'Sửa một tập thể, cá nhân (kèm version của quyết định)',
        params: recipientParamsSchema,
        body: updateRecipientBodySchema,
        response: { 200: decisionDetailSchema },
      },
    },
    async (request) => {
      const { id, recipientId } = request.params;
      return updateCommendationRecipient(db, actorOf(request), id, recipientId, request.body);
    },
  );

  app.delete(
    '/:id/recipients/:recipientId',
    {
      schema: {
        tags,
        summary: 'Xóa một tập thể, cá nhân khỏi quyết định (version của quyết định trong query)',
        params: recipientParamsSchema,
        querystring: requiredVersionQuerySchema,
        response: { 200: decisionDetailSchema },
      },
    },
    async (request) => {
      const { id, recipientId } = request.params;
      return deleteCommendationRecipient(db, actorOf(request), id, recipientId, request.query.version);
    },
  );
};

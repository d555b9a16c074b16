import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { addReplication, archiveModel, recogniseModel, removeReplication } from './models-lifecycle';
import {
  addReplicationBodySchema,
  archiveBodySchema,
  modelDetailSchema,
  modelIdParamsSchema,
  recogniseBodySchema,
  replicationParamsSchema,
} from './models.schemas';

const tags = ['models'];

/** The steps of a model's life; an invalid step answers 409 INVALID_STATE. */
export const modelsLifecycleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.post(
    '/:id/recognise',
    {
      schema: {
        tags,
        summary:
          'Công nhận mô hình đang đề xuất (cấp, ngày, quyết định khen thưởng nếu có); quản lý đơn vị hoặc cấp trên',
        params: modelIdParamsSchema,
        body: recogniseBodySchema,
        response: { 200: modelDetailSchema },
      },
    },
    async (request) => recogniseModel(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/replications',
    {
      schema: {
        tags,
        summary: 'Thêm đơn vị nhân rộng mô hình đã công nhận; người nhập liệu của đơn vị đó hoặc quản lý cấp trên',
        params: modelIdParamsSchema,
        body: addReplicationBodySchema,
        response: { 201: modelDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addReplication(db, actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/:id/replications/:rid',
    {
      schema: {
        tags,
        summary: 'Bỏ một đơn vị nhân rộng (nhập nhầm); hết đơn vị thì mô hình trở lại Đã công nhận',
        params: replicationParamsSchema,
        response: { 200: modelDetailSchema },
      },
    },
    async (request) => removeReplication(db, actorOf(request), request.params.id, request.params.rid),
  );

  app.post(
    '/:id/archive',
    {
      schema: {
        tags,
        summary: 'Lưu trữ mô hình từ bất kỳ trạng thái nào, kèm lý do; quản lý đơn vị hoặc cấp trên',
        params: modelIdParamsSchema,
        body: archiveBodySchema,
        response: { 200: modelDetailSchema },
      },
    },
    async (request) => archiveModel(db, actorOf(request), request.params.id, request.body),
  );
};

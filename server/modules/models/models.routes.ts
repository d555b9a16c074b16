import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { modelFieldsRoutes } from './model-fields.routes';
import { registerModelDocuments } from './models-documents';
import { modelsLifecycleRoutes } from './models-lifecycle.routes';
import { modelsTransferRoutes } from './models-transfer.routes';
import { createModel, updateModel } from './models-write';
import {
  createModelBodySchema,
  listModelsQuerySchema,
  listModelsResponseSchema,
  modelDetailSchema,
  modelIdParamsSchema,
  updateModelBodySchema,
} from './models.schemas';
import { getModel, isModelVisible, listModels } from './models.service';

const tags = ['models'];

/** The registry: list, one model, create, edit. */
const modelRecordsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Danh sách mô hình, cách làm hay: lọc, tìm không dấu, phân trang, kèm số lượng theo trạng thái',
        querystring: listModelsQuerySchema,
        response: { 200: listModelsResponseSchema },
      },
    },
    async (request) => listModels(db, actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Một mô hình: chi tiết, văn bản, chuyên đề, đơn vị nhân rộng, diễn biến, quyền thao tác',
        params: modelIdParamsSchema,
        response: { 200: modelDetailSchema },
      },
    },
    async (request) => getModel(db, actorOf(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Đăng ký mô hình (trạng thái Đề xuất)',
        body: createModelBodySchema,
        response: { 201: modelDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createModel(db, actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa mô hình (kèm version; 409 nêu những gì đã đổi)',
        params: modelIdParamsSchema,
        body: updateModelBodySchema,
        response: { 200: modelDetailSchema },
      },
    },
    async (request) => updateModel(db, actorOf(request), request.params.id, request.body),
  );
};

/**
 * Everything of the models module under /api/v1: /models (registry, life, import and export), /model-fields and
 * /stats/models. Registered once in app.ts.
 */
export const modelsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerModelDocuments(isModelVisible);
  await app.register(modelsTransferRoutes, { ctx, prefix: '/models' });
  await app.register(modelRecordsRoutes, { ctx, prefix: '/models' });
  await app.register(modelsLifecycleRoutes, { ctx, prefix: '/models' });
  await app.register(modelFieldsRoutes, { ctx });
};

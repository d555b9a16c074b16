import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { canManageModelFields, createModelField, listModelFields, updateModelField } from './model-fields.service';
import { countModels } from './models-stats';
import {
  createModelFieldBodySchema,
  listModelFieldsQuerySchema,
  modelFieldIdParamsSchema,
  modelFieldSchema,
  modelStatsQuerySchema,
  modelStatsSchema,
  updateModelFieldBodySchema,
} from './models.schemas';

/** The configurable list of fields (/model-fields) and the counts (/stats/models). */
export const modelFieldsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;
  const tags = ['models'];

  app.get(
    '/model-fields',
    {
      schema: {
        tags,
        summary: 'Danh mục lĩnh vực của mô hình (đang dùng; includeInactive=true để xem cả lĩnh vực đã ngừng)',
        querystring: listModelFieldsQuerySchema,
        response: {
          200: z.object({ items: z.array(modelFieldSchema), abilities: z.object({ canManage: z.boolean() }) }),
        },
      },
    },
    async (request) => ({
      items: await listModelFields(db, request.query.includeInactive === 'true'),
      abilities: { canManage: canManageModelFields(actorOf(request)) },
    }),
  );

  app.post(
    '/model-fields',
    {
      schema: {
        tags,
        summary: 'Thêm lĩnh vực (quản lý cấp Trung ương hoặc quản trị viên)',
        body: createModelFieldBodySchema,
        response: { 201: modelFieldSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createModelField(db, actorOf(request), request.body)),
  );

  app.patch(
    '/model-fields/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, sắp xếp, ngừng hoặc dùng lại một lĩnh vực (kèm version)',
        params: modelFieldIdParamsSchema,
        body: updateModelFieldBodySchema,
        response: { 200: modelFieldSchema },
      },
    },
    async (request) => updateModelField(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/stats/models',
    {
      schema: {
        tags,
        summary:
          'Số mô hình của một đơn vị (theo mã hoặc id, tại ngày to) theo trạng thái, lĩnh vực, loại và từng đơn vị trực thuộc; ' +
          'lọc ngày bắt đầu trong [from, to] và văn bản chỉ đạo',
        querystring: modelStatsQuerySchema,
        response: { 200: modelStatsSchema },
      },
    },
    async (request) => countModels(db, actorOf(request), request.query),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import {
  catalogueSchema,
  createObligationBodySchema,
  createTemplateBodySchema,
  idParamsSchema,
  obligationParamsSchema,
  templateListSchema,
  templateSchema,
  updateTemplateBodySchema,
} from './reports.schemas';
import {
  addObligation,
  createTemplate,
  getTemplate,
  listCatalogue,
  listTemplates,
  removeObligation,
  updateTemplate,
} from './templates.service';

const tags = ['reports'];

/** Report templates, their indicators from the catalogue, and who reports on them to whom. */
export const reportTemplatesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.get(
    '/catalogue',
    {
      schema: {
        tags,
        summary: 'Danh mục chỉ tiêu tính từ dữ liệu (khen thưởng theo cấp, mô hình theo trạng thái…)',
        response: { 200: catalogueSchema },
      },
    },
    async () => listCatalogue(),
  );

  app.get(
    '/templates',
    {
      schema: {
        tags,
        summary: 'Mẫu báo cáo của đơn vị mình và cấp trên',
        response: { 200: templateListSchema },
      },
    },
    async (request) => listTemplates(db, actorOf(request)),
  );

  app.post(
    '/templates',
    {
      schema: {
        tags,
        summary: 'Tạo mẫu báo cáo (kỳ, hạn nộp, các phần, chỉ tiêu); quản lý đơn vị lập mẫu',
        body: createTemplateBodySchema,
        response: { 201: templateSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTemplate(db, actorOf(request), request.body)),
  );

  app.get(
    '/templates/:id',
    { schema: { tags, summary: 'Một mẫu báo cáo', params: idParamsSchema, response: { 200: templateSchema } } },
    async (request) => getTemplate(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/templates/:id',
    {
      schema: {
        tags,
        summary: 'Sửa mẫu báo cáo; danh sách chỉ tiêu gửi lên thay thế danh sách cũ',
        params: idParamsSchema,
        body: updateTemplateBodySchema,
        response: { 200: templateSchema },
      },
    },
    async (request) => updateTemplate(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/templates/:id/obligations',
    {
      schema: {
        tags,
        summary: 'Giao nghĩa vụ báo cáo: mọi đơn vị một loại dưới đơn vị nhận, hoặc một đơn vị',
        params: idParamsSchema,
        body: createObligationBodySchema,
        response: { 201: templateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addObligation(db, actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/templates/:id/obligations/:oid',
    {
      schema: {
        tags,
        summary: 'Bỏ một nghĩa vụ báo cáo',
        params: obligationParamsSchema,
        response: { 200: templateSchema },
      },
    },
    async (request) => removeObligation(db, actorOf(request), request.params.id, request.params.oid),
  );
};

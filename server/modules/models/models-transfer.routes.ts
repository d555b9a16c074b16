import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MODEL_KINDS, MODEL_STATUSES } from '../../../common/models';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { readUpload, sendXlsx, withImportProgress } from '../../platform/import';
import { modelsTemplate } from './models-columns';
import { exportModels } from './models-export';
import { assertCanImportModels, importModels } from './models-import';
import { listModelsQuerySchema } from './models.schemas';

const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false'], { message: 'dryRun phải là true hoặc false' }).optional(),
});

const importResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  items: z.array(
    z.object({
      title: z.string(),
      kind: z.enum(MODEL_KINDS),
      unitCode: z.string(),
      startedOn: z.string(),
      status: z.enum(MODEL_STATUSES),
    }),
  ),
});

const exportQuerySchema = listModelsQuerySchema.omit({ page: true, pageSize: true });

/** Import from XLSX/CSV, the import template, and the export of the filtered registry. */
export const modelsTransferRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['models'];
  const { db } = ctx.database;

  app.get(
    '/import-template',
    { schema: { tags, summary: 'Tệp mẫu XLSX để nhập mô hình (danh sách chọn Loại, Lĩnh vực, Trạng thái)' } },
    async (request, reply) => {
      assertCanImportModels(actorOf(request));
      return sendXlsx(reply, await modelsTemplate(db));
    },
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary:
          'Nhập mô hình từ tệp .xlsx hoặc .csv (multipart/form-data, trường "file"). Tất cả hoặc không gì cả; ' +
          'dryRun=true chỉ kiểm tra.',
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertCanImportModels(actor);
      return withImportProgress(request, async ({ onProgress }) =>
        importModels(db, actor, await readUpload(request), { dryRun: request.query.dryRun === 'true', onProgress }),
      );
    },
  );

  app.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách mô hình theo bộ lọc ra tệp XLSX',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => sendXlsx(reply, await exportModels(db, actorOf(request), request.query)),
  );
};

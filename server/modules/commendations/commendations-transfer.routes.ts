import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { readUpload, sendXlsx, withImportProgress } from '../../platform/import';
import { commendationsTemplate, exportCommendations } from './commendations-export';
import { assertCanImportCommendations, importCommendations } from './commendations-import';
import { importQuerySchema, importResultSchema, listDecisionsQuerySchema } from './commendations.schemas';

/** Import from XLSX/CSV, the import template, and the XLSX export of what the list's filters show. */
export const commendationsTransferRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['commendations'];
  const { db } = ctx.database;

  app.get(
    '/import-template',
    { schema: { tags, summary: 'Tệp mẫu XLSX để nhập khen thưởng (danh sách chọn, trang Hướng dẫn)' } },
    async (request, reply) => {
      const actor = actorOf(request);
      assertCanImportCommendations(actor);
      return sendXlsx(reply, await commendationsTemplate(db, actor));
    },
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary:
          'Nhập khen thưởng từ tệp .xlsx hoặc .csv, mỗi dòng một tập thể/cá nhân (multipart/form-data, trường "file"). ' +
          'Tất cả hoặc không gì cả; dryRun=true chỉ kiểm tra; skipExisting=true bỏ qua quyết định đã có.',
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertCanImportCommendations(actor);
      return withImportProgress(request, async ({ onProgress }) =>
        importCommendations(db, actor, await readUpload(request), {
          dryRun: request.query.dryRun === 'true',
          skipExisting: request.query.skipExisting === 'true',
          onProgress,
        }),
      );
    },
  );

  app.get(
    '/export',
    {
      schema: {
        tags,
        summary: 'Xuất ra XLSX các quyết định theo bộ lọc của danh sách, mỗi dòng một tập thể/cá nhân',
        querystring: listDecisionsQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => sendXlsx(reply, await exportCommendations(db, actorOf(request), request.query)),
  );
};

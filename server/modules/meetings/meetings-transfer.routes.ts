import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { readUpload, sendXlsx, withImportProgress } from '../../platform/import';
import {
  assertCanImportMeetings,
  importMeetings,
  importQuerySchema,
  importResultSchema,
  meetingsTemplate,
} from './meetings-import';

/** Import of meetings from XLSX/CSV and its template. */
export const meetingsTransferRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['meetings'];
  const { db } = ctx.database;

  app.get(
    '/import-template',
    { schema: { tags, summary: 'Tệp mẫu XLSX để nhập sinh hoạt chi bộ (danh sách chọn, trang Hướng dẫn)' } },
    async (request, reply) => {
      assertCanImportMeetings(actorOf(request));
      return sendXlsx(reply, await meetingsTemplate());
    },
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary:
          'Nhập sinh hoạt chi bộ từ tệp .xlsx hoặc .csv, mỗi dòng một buổi (multipart/form-data, trường "file"). ' +
          'Tất cả hoặc không gì cả; dryRun=true chỉ kiểm tra.',
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertCanImportMeetings(actor);
      return withImportProgress(request, async ({ onProgress }) =>
        importMeetings(db, actor, await readUpload(request), { dryRun: request.query.dryRun === 'true', onProgress }),
      );
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNIT_KINDS } from '../../../common/org-units';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { readUpload, sendXlsx, withImportProgress } from '../../platform/import';
import { exportOrgUnits, orgUnitsTemplate } from './org-units-export';
import { assertCanImportUnits, importOrgUnits } from './org-units-import';
import { atQuerySchema } from './org-units.schemas';

const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false'], { message: 'dryRun phải là true hoặc false' }).optional(),
});

const importResultSchema = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(UNIT_KINDS),
      parentCode: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
});

const exportParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** Import from XLSX/CSV, export of a subtree and the import template. */
export const orgUnitsTransferRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['org-units'];
  const { db } = ctx.database;

  app.get(
    '/import-template',
    { schema: { tags, summary: 'Tệp mẫu XLSX để nhập đơn vị (danh sách chọn Loại, trang Hướng dẫn)' } },
    async (request, reply) => {
      assertCanImportUnits(actorOf(request));
      return sendXlsx(reply, await orgUnitsTemplate());
    },
  );

  app.post(
    '/import',
    {
      schema: {
        tags,
        summary:
          'Nhập đơn vị từ tệp .xlsx hoặc .csv (multipart/form-data, trường "file"; phần thân không kiểm tra bằng lược đồ). ' +
          'Tất cả hoặc không gì cả; dryRun=true chỉ kiểm tra.',
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertCanImportUnits(actor);
      return withImportProgress(request, async ({ onProgress }) =>
        importOrgUnits(db, actor, await readUpload(request), { dryRun: request.query.dryRun === 'true', onProgress }),
      );
    },
  );

  app.get(
    '/:id/export',
    {
      schema: {
        tags,
        summary: 'Xuất cây đơn vị (theo id hoặc mã) tại một ngày ra tệp XLSX, cùng định dạng với tệp nhập',
        params: exportParamsSchema,
        querystring: atQuerySchema,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportOrgUnits(db, actorOf(request), request.params.id, request.query.at)),
  );
};

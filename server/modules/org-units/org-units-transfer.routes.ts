import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNIT_KINDS } from '../../../common/org-units';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { validationFailed } from '../../platform/errors';
import { ACCEPTED_EXTENSIONS, attachmentDisposition, XLSX_CONTENT_TYPE } from '../../platform/import';
import { exportOrgUnits, orgUnitsTemplate, type XlsxFile } from './org-units-export';
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

function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', attachmentDisposition(file.fileName))
    .header('cache-control', 'no-store')
    .send(file.data);
}

/** The uploaded file of field `file`, refused early (before buffering) when it is not .xlsx or .csv. */
async function readUpload(request: FastifyRequest): Promise<{ fileName: string; data: Buffer }> {
  const missing = 'Chưa có tệp: gửi tệp .xlsx hoặc .csv trong trường "file" (multipart/form-data).';
  if (!request.isMultipart()) {
    throw validationFailed(missing, [{ path: 'body.file', message: missing }]);
  }
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    throw validationFailed(missing, [{ path: 'body.file', message: missing }]);
  }
  const name = part.filename.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    const message = `Chỉ nhận tệp .xlsx hoặc .csv; tệp "${part.filename}" không đúng loại.`;
    throw validationFailed(message, [{ path: 'body.file', message }]);
  }
  return { fileName: part.filename, data: await part.toBuffer() };
}

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
      const file = await readUpload(request);
      return importOrgUnits(db, actor, file, { dryRun: request.query.dryRun === 'true' });
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

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ErrorDetail } from '../../../common/errors';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { validationFailed } from '../../platform/errors';
import { cleanFileName, MAX_FILE_BYTES } from '../../platform/files';
import { attachmentDisposition } from '../../platform/import';
import {
  documentIdParamsSchema,
  documentSummarySchema,
  downloadQuerySchema,
  listDocumentsQuerySchema,
  listDocumentsResponseSchema,
  uploadFieldsSchema,
  type UploadFields,
} from './documents.schemas';
import { deleteDocument, listDocuments, openDocument, uploadDocument, type Upload } from './documents.service';

const TOO_LARGE = 'Tệp lớn hơn 20 MB; hãy nén hoặc chia nhỏ rồi gửi lại.';

function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/** Reads the multipart body: the text fields in any order around one file in field `file`. */
async function readUpload(request: FastifyRequest): Promise<{ fields: UploadFields; upload: Upload }> {
  const missing = 'Chưa có tệp: gửi tệp trong trường "file" (multipart/form-data).';
  if (!request.isMultipart()) {
    throw validationFailed(missing, [{ path: 'body.file', message: missing }]);
  }
  const raw: Record<string, string> = {};
  let upload: Upload | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file') {
          upload = { fileName: cleanFileName(part.filename), data };
        }
      } else if (typeof part.value === 'string') {
        raw[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (isTooLarge(error)) {
      throw validationFailed(TOO_LARGE, [{ path: 'body.file', message: TOO_LARGE }]);
    }
    throw error;
  }
  const parsed = uploadFieldsSchema.safeParse(raw);
  const details: ErrorDetail[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: `body.${issue.path.join('.')}`, message: issue.message }));
  if (!upload || !upload.fileName) {
    details.push({ path: 'body.file', message: missing });
  }
  if (!parsed.success || !upload) {
    throw validationFailed(
      `Dữ liệu không hợp lệ: ${details.map((d) => `${d.path} — ${d.message}`).join('; ')}`,
      details,
    );
  }
  return { fields: parsed.data, upload };
}

/** Documents attached to records of any module that registered itself with `registerDocumentOwner`. */
export const documentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['documents'];
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Tài liệu đính kèm một bản ghi (người xem được bản ghi mới xem được)',
        querystring: listDocumentsQuerySchema,
        response: { 200: listDocumentsResponseSchema },
      },
    },
    async (request) => listDocuments(db, actorOf(request), request.query.entityType, request.query.entityId),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary:
          'Đính kèm tệp (multipart/form-data: file, entityType, entityId, title). PDF, DOCX, XLSX, JPEG, PNG, WebP; ' +
          'tối đa 20 MB; kiểm tra theo nội dung tệp. Cần quyền nhập liệu trên đơn vị của bản ghi.',
        response: { 201: documentSummarySchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { fields, upload } = await readUpload(request);
      return reply.status(201).send(await uploadDocument(db, actor, ctx.config.dataDir, fields, upload));
    },
  );

  app.get(
    '/:id/download',
    {
      schema: {
        tags,
        summary: 'Tải tệp về với tên gốc (disposition=inline để xem PDF, ảnh ngay trong trình duyệt)',
        params: documentIdParamsSchema,
        querystring: downloadQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await openDocument(db, actorOf(request), ctx.config.dataDir, request.params.id);
      const isInline =
        request.query.disposition === 'inline' &&
        (file.mimeType === 'application/pdf' || file.mimeType.startsWith('image/'));
      const disposition = attachmentDisposition(file.fileName);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', isInline ? disposition.replace(/^attachment/, 'inline') : disposition)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(file.stream);
    },
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: 'Gỡ tài liệu đính kèm (quyền nhập liệu)', params: documentIdParamsSchema } },
    async (request, reply) => {
      await deleteDocument(db, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

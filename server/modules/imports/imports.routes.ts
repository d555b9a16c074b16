import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { notFound } from '../../platform/errors';
import { readImportProgress } from '../../platform/import';

const progressSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  phase: z.enum(['checking', 'writing']),
  rows: z.number().int(),
  total: z.number().int().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
});

/**
 * GET /api/v1/imports/{id}: how far an import started with header x-import-id has gone (rows checked or written),
 * for the session that started it.
 */
export const importsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app) => {
  app.get(
    '/:id',
    {
      // No session lookup: the import being polled may hold the embedded database's only connection.
      config: { isSessionFree: true },
      schema: {
        tags: ['imports'],
        summary:
          'Tiến độ một lần nhập tệp đang chạy (số dòng đã kiểm tra/ghi), theo mã x-import-id do trình duyệt gửi kèm',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: progressSchema },
      },
    },
    async (request) => {
      const progress = readImportProgress(request.params.id, request);
      if (!progress) {
        throw notFound('Lần nhập tệp');
      }
      return progress;
    },
  );
};

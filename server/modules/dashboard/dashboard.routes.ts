import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { sendXlsx } from '../../platform/import';
import { exportRecords } from './dashboard-export';
import {
  overviewQuerySchema,
  overviewResponseSchema,
  recordsQuerySchema,
  recordsResponseSchema,
} from './dashboard.schemas';
import { getOverview, listRecords } from './dashboard.service';

const exportQuerySchema = recordsQuerySchema.omit({ page: true, pageSize: true });

/** /api/v1/stats/overview and its record lists (issue 5). Read-only: viewer anywhere in reach. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['dashboard'];
  const { db } = ctx.database;

  app.get(
    '/stats/overview',
    {
      schema: {
        tags,
        summary:
          'Bảng điều khiển: mọi chỉ tiêu của đơn vị (mã hoặc id) và từng đơn vị trực thuộc, theo tháng, trong [from, to], theo cơ cấu khi ghi nhận (recorded) hoặc hiện nay (current)',
        querystring: overviewQuerySchema,
        response: { 200: overviewResponseSchema },
      },
    },
    async (request, reply) => {
      // Figures are read fresh on every request; nothing may keep an old answer.
      void reply.header('cache-control', 'no-store');
      return getOverview(db, actorOf(request), request.query);
    },
  );

  app.get(
    '/stats/overview/records',
    {
      schema: {
        tags,
        summary:
          'Danh sách bản ghi tạo nên một chỉ tiêu (hoặc một phần: cấp khen, loại, trạng thái, lĩnh vực), cùng truy vấn với số liệu, phân trang',
        querystring: recordsQuerySchema,
        response: { 200: recordsResponseSchema },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return listRecords(db, actorOf(request), request.query);
    },
  );

  app.get(
    '/stats/overview/records.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách bản ghi của một chỉ tiêu ra tệp XLSX',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => sendXlsx(reply, await exportRecords(db, actorOf(request), request.query)),
  );
};

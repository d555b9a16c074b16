import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import {
  getMeetingGrid,
  gridQuerySchema,
  gridResponseSchema,
  gridRowSchema,
  saveGridRowBodySchema,
  saveMeetingGridRow,
} from './meetings-grid';

/** The commune grid: cells × months of a year; one row saved per request. */
export const meetingsGridRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['meetings'];
  const { db } = ctx.database;

  app.get(
    '/grid',
    {
      schema: {
        tags,
        summary: 'Bảng nhập: các chi bộ của đơn vị × 12 tháng của năm, với buổi sinh hoạt thường kỳ đã ghi',
        querystring: gridQuerySchema,
        response: { 200: gridResponseSchema },
      },
    },
    async (request) => getMeetingGrid(db, actorOf(request), request.query),
  );

  app.put(
    '/grid/:cellId',
    {
      schema: {
        tags,
        summary:
          'Lưu một dòng của bảng nhập (một chi bộ, các tháng gửi lên): có sinh hoạt, có đưa chuyên đề, số có mặt. Tất cả hoặc không gì cả',
        params: z.object({ cellId: z.uuid({ message: 'Mã định danh chi bộ không hợp lệ' }) }),
        body: saveGridRowBodySchema,
        response: { 200: gridRowSchema },
      },
    },
    async (request) => saveMeetingGridRow(db, actorOf(request), request.params.cellId, request.body),
  );
};

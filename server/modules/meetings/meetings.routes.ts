import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { registerDocumentOwner } from '../../platform/documents';
import { meetingsGridRoutes } from './meetings-grid.routes';
import { getMeetingStats, meetingStatsQuerySchema, meetingStatsSchema } from './meetings-stats';
import { meetingsTransferRoutes } from './meetings-transfer.routes';
import * as repo from './meetings.repository';
import {
  createMeetingBodySchema,
  listMeetingsQuerySchema,
  listMeetingsResponseSchema,
  meetingDetailSchema,
  meetingFormQuerySchema,
  meetingFormResponseSchema,
  meetingIdParamsSchema,
  updateMeetingBodySchema,
  versionQuerySchema,
} from './meetings.schemas';
import {
  createCellMeeting,
  deleteCellMeeting,
  getCellMeeting,
  getMeetingForm,
  listCellMeetings,
  updateCellMeeting,
} from './meetings.service';

/** /api/v1/meetings/* and /api/v1/stats/meetings (registered without a prefix). */
export const meetingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['meetings'];
  const { db } = ctx.database;
  const base = '/meetings';
  registerDocumentOwner('cell_meeting', {
    resolveUnit: (conn, id) => repo.findMeetingUnit(conn, id),
    label: 'biên bản sinh hoạt chi bộ',
  });

  await app.register(meetingsGridRoutes, { ctx, prefix: base });
  await app.register(meetingsTransferRoutes, { ctx, prefix: base });

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Buổi sinh hoạt chi bộ (lọc theo đơn vị và cấp dưới, khoảng ngày, loại, có đưa chuyên đề)',
        querystring: listMeetingsQuerySchema,
        response: { 200: listMeetingsResponseSchema },
      },
    },
    async (request) => listCellMeetings(db, actorOf(request), request.query),
  );

  app.get(
    `${base}/form`,
    {
      schema: {
        tags,
        summary: 'Dữ liệu điền sẵn cho trang ghi sinh hoạt trên điện thoại: chi bộ, chuyên đề hiện hành, số đảng viên',
        querystring: meetingFormQuerySchema,
        response: { 200: meetingFormResponseSchema },
      },
    },
    async (request) => getMeetingForm(db, actorOf(request), request.query),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Một buổi sinh hoạt',
        params: meetingIdParamsSchema,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => getCellMeeting(db, actorOf(request), request.params.id),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Ghi một buổi sinh hoạt (mỗi tháng một buổi thường kỳ; có mặt ≤ số đảng viên; không ghi ngày tương lai)',
        body: createMeetingBodySchema,
        response: { 201: meetingDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCellMeeting(db, actorOf(request), request.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Sửa buổi sinh hoạt (kèm version; 409 nếu đã bị người khác sửa, nêu các thay đổi)',
        params: meetingIdParamsSchema,
        body: updateMeetingBodySchema,
        response: { 200: meetingDetailSchema },
      },
    },
    async (request) => updateCellMeeting(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Xóa buổi sinh hoạt (nhập liệu của chi bộ; với version, chỉ khi chưa bị sửa)',
        params: meetingIdParamsSchema,
        querystring: versionQuerySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCellMeeting(db, actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/stats/meetings',
    {
      schema: {
        tags,
        summary:
          'Số liệu sinh hoạt chi bộ của đơn vị (mã hoặc id, xác định tại ngày "to") và cấp dưới trong [from, to] (trọn tháng): ' +
          'chi bộ, chi bộ-tháng có sinh hoạt thường kỳ, có đưa chuyên đề, sinh hoạt chuyên đề, tỷ lệ dự họp; theo đơn vị trực thuộc, theo tháng; chi bộ chưa sinh hoạt',
        querystring: meetingStatsQuerySchema,
        response: { 200: meetingStatsSchema },
      },
    },
    async (request) => getMeetingStats(db, actorOf(request), request.query),
  );
};

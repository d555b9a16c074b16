import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import {
  addRecommendations,
  addSession,
  closeInspection,
  deleteSession,
  startInspection,
  writeSelfReport,
} from './inspections-steps';
import { createInspection, updateInspection } from './inspections-write';
import {
  closeInspectionBodySchema,
  createInspectionBodySchema,
  idParamsSchema,
  inspectionDetailSchema,
  listInspectionsQuerySchema,
  listInspectionsResponseSchema,
  newRecommendationSchema,
  selfReportBodySchema,
  sessionBodySchema,
  sessionParamsSchema,
  startInspectionBodySchema,
  subjectParamsSchema,
  updateInspectionBodySchema,
} from './inspections.schemas';
import { getInspection, listInspections } from './inspections.service';

const tags = ['inspections'];
const detail = { 200: inspectionDetailSchema };

/** Inspections and supervisions: the record, and its steps prepare → conduct → closed (out of order: 409). */
export const inspectionsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Danh sách cuộc kiểm tra, giám sát (đơn vị tiến hành hoặc đơn vị được kiểm tra trong phạm vi)',
        querystring: listInspectionsQuerySchema,
        response: { 200: listInspectionsResponseSchema },
      },
    },
    async (request) => listInspections(db, actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Một cuộc kiểm tra, giám sát: các bước, đoàn, đơn vị được kiểm tra, kết luận, kiến nghị, cảnh báo',
        params: idParamsSchema,
        response: detail,
      },
    },
    async (request) => getInspection(db, actorOf(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Thêm cuộc kiểm tra, giám sát vào kế hoạch (cảnh báo khi quá thời hạn của cấp tiến hành)',
        body: createInspectionBodySchema,
        response: { 201: inspectionDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInspection(db, actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa cuộc kiểm tra chưa kết thúc (kèm version; 409 nêu những gì đã đổi)',
        params: idParamsSchema,
        body: updateInspectionBodySchema,
        response: detail,
      },
    },
    async (request) => updateInspection(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/start',
    {
      schema: {
        tags,
        summary: 'Chuẩn bị → Tiến hành: quyết định thành lập đoàn, gửi đề cương, ngày bắt đầu',
        params: idParamsSchema,
        body: startInspectionBodySchema,
        response: detail,
      },
    },
    async (request) => startInspection(db, actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/:id/subjects/:subjectId/self-report',
    {
      schema: {
        tags,
        summary: 'Báo cáo tự kiểm tra của đơn vị được kiểm tra (bước tiến hành)',
        params: subjectParamsSchema,
        body: selfReportBodySchema,
        response: detail,
      },
    },
    async (request) => writeSelfReport(db, actorOf(request), request.params.id, request.params.subjectId, request.body),
  );

  app.post(
    '/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Ghi một buổi làm việc của đoàn (bước tiến hành)',
        params: idParamsSchema,
        body: sessionBodySchema,
        response: detail,
      },
    },
    async (request) => addSession(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id/sessions/:sessionId',
    { schema: { tags, summary: 'Xóa một buổi làm việc', params: sessionParamsSchema, response: detail } },
    async (request) => deleteSession(db, actorOf(request), request.params.id, request.params.sessionId),
  );

  app.post(
    '/:id/close',
    {
      schema: {
        tags,
        summary: 'Tiến hành → Kết thúc: thông báo kết luận (ưu điểm, hạn chế, nguyên nhân, yêu cầu) và kiến nghị',
        params: idParamsSchema,
        body: closeInspectionBodySchema,
        response: detail,
      },
    },
    async (request) => closeInspection(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/recommendations',
    {
      schema: {
        tags,
        summary: 'Thêm kiến nghị vào kết luận của cuộc đã kết thúc',
        params: idParamsSchema,
        body: z.object({ items: z.array(newRecommendationSchema).min(1, 'Nhập ít nhất một kiến nghị').max(100) }),
        response: detail,
      },
    },
    async (request) => addRecommendations(db, actorOf(request), request.params.id, request.body.items),
  );
};

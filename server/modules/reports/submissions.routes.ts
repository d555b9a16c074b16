import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { sendXlsx } from '../../platform/import/http';
import { sendDocx } from '../../platform/import';
import { submissionDocx, submissionXlsx } from './report-documents';
import {
  approveBodySchema,
  compareSchema,
  createSubmissionBodySchema,
  diffParamsSchema,
  diffSchema,
  draftTextSchema,
  idParamsSchema,
  listSubmissionsQuerySchema,
  returnBodySchema,
  submissionDetailSchema,
  submissionListSchema,
  unlockBodySchema,
  updateSubmissionBodySchema,
  versionBodySchema,
} from './reports.schemas';
import { compareWithRecords, draftSubmissionText, refreshSubmission } from './submission-figures';
import { diffSubmission } from './submission-versions';
import { createSubmission, getSubmission, listSubmissions, updateSubmission } from './submissions.service';
import { approveSubmission, returnSubmission, submitSubmission, unlockSubmission } from './submissions-workflow';

const tags = ['reports'];

/** A unit's submissions and their review: draft → submitted → approved | returned; unlock with a reason. */
export const submissionsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;
  const detail = { 200: submissionDetailSchema };

  app.get(
    '/submissions',
    {
      schema: {
        tags,
        summary: 'Báo cáo trong phạm vi của tôi (mine=true: của đơn vị tôi nhập liệu)',
        querystring: listSubmissionsQuerySchema,
        response: { 200: submissionListSchema },
      },
    },
    async (request) => listSubmissions(db, actorOf(request), request.query),
  );

  app.post(
    '/submissions',
    {
      schema: {
        tags,
        summary: 'Lập báo cáo của đơn vị cho một kỳ; chỉ tiêu tính từ dữ liệu được điền ngay',
        body: createSubmissionBodySchema,
        response: { 201: submissionDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSubmission(db, actorOf(request), request.body)),
  );

  app.get(
    '/submissions/:id',
    {
      schema: {
        tags,
        summary: 'Một báo cáo: các phần, chỉ tiêu, ý kiến, lịch sử',
        params: idParamsSchema,
        response: detail,
      },
    },
    async (request) => getSubmission(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/submissions/:id',
    {
      schema: {
        tags,
        summary: 'Nhập số liệu tay và nội dung các phần (khi đang soạn hoặc bị trả lại)',
        params: idParamsSchema,
        body: updateSubmissionBodySchema,
        response: detail,
      },
    },
    async (request) => updateSubmission(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/submissions/:id/refresh',
    {
      schema: {
        tags,
        summary: 'Cập nhật các chỉ tiêu tính từ dữ liệu theo dữ liệu hiện tại',
        params: idParamsSchema,
        body: versionBodySchema,
        response: detail,
      },
    },
    async (request) => refreshSubmission(db, actorOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/submissions/:id/draft-text',
    {
      schema: {
        tags,
        summary: 'Dự thảo nội dung từ số liệu (không lưu; người dùng sửa rồi lưu)',
        params: idParamsSchema,
        response: { 200: draftTextSchema },
      },
    },
    async (request) => draftSubmissionText(db, actorOf(request), request.params.id),
  );

  app.post(
    '/submissions/:id/submit',
    {
      schema: {
        tags,
        summary: 'Gửi (hoặc gửi lại) báo cáo lên cấp trên',
        params: idParamsSchema,
        body: versionBodySchema,
        response: detail,
      },
    },
    async (request) => submitSubmission(db, actorOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/submissions/:id/return',
    {
      schema: {
        tags,
        summary: 'Trả lại báo cáo kèm ý kiến (cả báo cáo, một phần, một chỉ tiêu); quản lý cấp trên',
        params: idParamsSchema,
        body: returnBodySchema,
        response: detail,
      },
    },
    async (request) => returnSubmission(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/submissions/:id/approve',
    {
      schema: {
        tags,
        summary: 'Duyệt báo cáo (khóa lại); quản lý cấp trên',
        params: idParamsSchema,
        body: approveBodySchema,
        response: detail,
      },
    },
    async (request) => approveSubmission(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/submissions/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Mở khóa báo cáo đã duyệt, kèm lý do; quản lý cấp trên',
        params: idParamsSchema,
        body: unlockBodySchema,
        response: detail,
      },
    },
    async (request) => unlockSubmission(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/submissions/:id/diff/:a/:b',
    {
      schema: {
        tags,
        summary: 'Khác biệt giữa hai phiên bản đã gửi (b = current: bản đang soạn)',
        params: diffParamsSchema,
        response: { 200: diffSchema },
      },
    },
    async (request) => diffSubmission(db, actorOf(request), request.params.id, request.params.a, request.params.b),
  );

  app.get(
    '/submissions/:id/compare',
    {
      schema: {
        tags,
        summary: 'So sánh số liệu đã lưu với dữ liệu hôm nay',
        params: idParamsSchema,
        response: { 200: compareSchema },
      },
    },
    async (request) => compareWithRecords(db, actorOf(request), request.params.id),
  );

  app.get(
    '/submissions/:id/docx',
    { schema: { tags, summary: 'Tải báo cáo (DOCX, thể thức văn bản của Đảng)', params: idParamsSchema } },
    async (request, reply) => sendDocx(reply, await submissionDocx(db, actorOf(request), request.params.id)),
  );

  app.get(
    '/submissions/:id/xlsx',
    { schema: { tags, summary: 'Tải phụ lục số liệu (XLSX)', params: idParamsSchema } },
    async (request, reply) => sendXlsx(reply, await submissionXlsx(db, actorOf(request), request.params.id)),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { sendXlsx } from '../../platform/import/http';
import { sendDocx } from '../../platform/import';
import { buildInterimReview } from './interim-review';
import { aggregateDocx, aggregateXlsx } from './report-documents';
import { issueAggregateNumber } from './aggregate-number';
import {
  aggregateDocumentSchema,
  issueAggregateBodySchema,
  remindResultSchema,
  reviewQuerySchema,
  reviewSchema,
} from './reports.schemas';
import { getReview, remindLateUnits } from './review.service';

const tags = ['reports'];
const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });

/** The level above: children's submissions, completeness, aggregate; documents; the interim review from records. */
export const reviewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.get(
    '/review',
    {
      schema: {
        tags,
        summary: 'Báo cáo của các đơn vị trực thuộc: trạng thái, tình hình nộp (đúng hạn, chậm), tổng hợp số liệu',
        querystring: reviewQuerySchema,
        response: { 200: reviewSchema },
      },
    },
    async (request) => getReview(db, actorOf(request), request.query),
  );

  app.post(
    '/review/remind',
    {
      schema: {
        tags,
        summary: 'Nhắc các đơn vị quá hạn chưa nộp (thông báo trong ứng dụng); quản lý đơn vị nhận',
        body: reviewQuerySchema,
        response: { 200: remindResultSchema },
      },
    },
    async (request) => remindLateUnits(db, actorOf(request), request.body),
  );

  app.post(
    '/review/number',
    {
      schema: {
        tags,
        summary: 'Cấp số cho báo cáo tổng hợp (số tiếp theo của loại báo cáo trong nhiệm kỳ, hoặc số đã có)',
        body: issueAggregateBodySchema,
        response: { 201: aggregateDocumentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await issueAggregateNumber(db, actorOf(request), request.body)),
  );

  app.get(
    '/review/docx',
    { schema: { tags, summary: 'Tải báo cáo tổng hợp (DOCX)', querystring: reviewQuerySchema } },
    async (request, reply) => sendDocx(reply, await aggregateDocx(db, actorOf(request), request.query)),
  );

  app.get(
    '/review/xlsx',
    { schema: { tags, summary: 'Tải phụ lục số liệu tổng hợp (XLSX)', querystring: reviewQuerySchema } },
    async (request, reply) => sendXlsx(reply, await aggregateXlsx(db, actorOf(request), request.query)),
  );

  app.post(
    '/interim-review',
    {
      schema: {
        tags,
        summary: 'Dự thảo báo cáo sơ kết từ dữ liệu (DOCX); issue=true cấp số văn bản',
        body: z.object({
          unit: z.string().trim().min(1, 'Chọn đơn vị').max(64),
          campaign: z.string().trim().min(1, 'Chọn văn bản chỉ đạo').max(64),
          from: isoDate,
          to: isoDate,
          issue: z.boolean().default(false),
          number: z.number().int().positive().optional(),
          signerName: z.string().trim().max(120).nullish(),
        }),
      },
    },
    async (request, reply) => {
      const { issue, number, ...rest } = request.body;
      const result = await buildInterimReview(db, actorOf(request), {
        ...rest,
        number: number ?? (issue ? true : false),
      });
      return sendDocx(reply, { fileName: result.fileName, data: result.docx });
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import {
  acceptBodySchema,
  idParamsSchema,
  listRecommendationsQuerySchema,
  listRecommendationsResponseSchema,
  recommendationDetailSchema,
  reportBodySchema,
  returnBodySchema,
  updateRecommendationBodySchema,
  versionBodySchema,
} from './inspections.schemas';
import {
  acceptRecommendation,
  deleteRecommendation,
  getRecommendation,
  listRecommendations,
  reportRecommendation,
  returnRecommendation,
  startRecommendation,
  updateRecommendation,
} from './recommendations.service';

const tags = ['inspections'];
const detail = { 200: recommendationDetailSchema };

/** Recommendations of conclusions: the owner's list and remediation, the conducting unit's acceptance. */
export const recommendationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Kiến nghị sau kiểm tra, giám sát: quá hạn trước; view=owner là việc của đơn vị mình',
        querystring: listRecommendationsQuerySchema,
        response: { 200: listRecommendationsResponseSchema },
      },
    },
    async (request) => listRecommendations(db, actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Một kiến nghị, báo cáo khắc phục và các lần nghiệm thu',
        params: idParamsSchema,
        response: detail,
      },
    },
    async (request) => getRecommendation(db, actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kiến nghị chưa hoàn thành (đơn vị tiến hành; kèm version)',
        params: idParamsSchema,
        body: updateRecommendationBodySchema,
        response: detail,
      },
    },
    async (request) => updateRecommendation(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Xóa kiến nghị nhập nhầm (chưa thực hiện, chưa có báo cáo)',
        params: idParamsSchema,
        body: versionBodySchema,
      },
    },
    async (request, reply) => {
      await deleteRecommendation(db, actorOf(request), request.params.id, request.body.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/:id/start',
    {
      schema: {
        tags,
        summary: 'Đơn vị thực hiện bắt đầu thực hiện kiến nghị',
        params: idParamsSchema,
        body: versionBodySchema,
        response: detail,
      },
    },
    async (request) => startRecommendation(db, actorOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/:id/report',
    {
      schema: {
        tags,
        summary: 'Báo cáo khắc phục của đơn vị thực hiện (chờ đơn vị tiến hành nghiệm thu)',
        params: idParamsSchema,
        body: reportBodySchema,
        response: detail,
      },
    },
    async (request) => reportRecommendation(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/accept',
    {
      schema: {
        tags,
        summary: 'Nghiệm thu báo cáo khắc phục: hoàn thành (đúng hạn hoặc quá hạn); quản lý đơn vị tiến hành',
        params: idParamsSchema,
        body: acceptBodySchema,
        response: detail,
      },
    },
    async (request) => acceptRecommendation(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/return',
    {
      schema: {
        tags,
        summary: 'Trả lại báo cáo khắc phục kèm lý do; quản lý đơn vị tiến hành',
        params: idParamsSchema,
        body: returnBodySchema,
        response: detail,
      },
    },
    async (request) => returnRecommendation(db, actorOf(request), request.params.id, request.body),
  );
};

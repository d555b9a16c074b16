import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { approvePlan, createPlan, getPlan, listPlans, updatePlan } from './inspection-plans.service';
import {
  approvePlanBodySchema,
  createPlanBodySchema,
  idParamsSchema,
  listPlansQuerySchema,
  listPlansResponseSchema,
  planDetailSchema,
  updatePlanBodySchema,
} from './inspections.schemas';

const tags = ['inspections'];

/** Yearly plans of inspection and supervision of the conducting committees. */
export const inspectionPlansRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Danh sách kế hoạch kiểm tra, giám sát hằng năm (lọc theo đơn vị, năm, trạng thái)',
        querystring: listPlansQuerySchema,
        response: { 200: listPlansResponseSchema },
      },
    },
    async (request) => listPlans(db, actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Một kế hoạch kiểm tra, giám sát và các cuộc trong kế hoạch',
        params: idParamsSchema,
        response: { 200: planDetailSchema },
      },
    },
    async (request) => getPlan(db, actorOf(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch kiểm tra, giám sát năm (dự thảo); người nhập liệu của đơn vị tiến hành',
        body: createPlanBodySchema,
        response: { 201: planDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(db, actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kế hoạch (kèm version; 409 nêu những gì đã đổi)',
        params: idParamsSchema,
        body: updatePlanBodySchema,
        response: { 200: planDetailSchema },
      },
    },
    async (request) => updatePlan(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/approve',
    {
      schema: {
        tags,
        summary: 'Phê duyệt kế hoạch; quản lý của đơn vị tiến hành',
        params: idParamsSchema,
        body: approvePlanBodySchema,
        response: { 200: planDetailSchema },
      },
    },
    async (request) => approvePlan(db, actorOf(request), request.params.id, request.body),
  );
};

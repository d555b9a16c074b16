import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import {
  atQuerySchema,
  closeOrgUnitBodySchema,
  createOrgUnitBodySchema,
  idOrCodeParamsSchema,
  listOrgUnitsQuerySchema,
  orgUnitDetailSchema,
  orgUnitSummarySchema,
  renameOrgUnitBodySchema,
  unitIdParamsSchema,
} from './org-units.schemas';
import { closeOrgUnit, createOrgUnit, getOrgUnit, listOrgUnits, renameOrgUnit } from './org-units.service';
import { orgUnitsTransferRoutes } from './org-units-transfer.routes';

export const orgUnitsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['org-units'];
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Danh sách đơn vị: con của một đơn vị, kết quả tìm kiếm, hoặc các đơn vị gốc trong phạm vi',
        querystring: listOrgUnitsQuerySchema,
        response: { 200: z.object({ items: z.array(orgUnitSummarySchema) }) },
      },
    },
    async (request) => ({ items: await listOrgUnits(db, actorOf(request), request.query) }),
  );

  await app.register(orgUnitsTransferRoutes, { ctx });

  app.get(
    '/:idOrCode',
    {
      schema: {
        tags,
        summary: 'Một đơn vị tại một ngày (theo id hoặc mã)',
        params: idOrCodeParamsSchema,
        querystring: atQuerySchema,
        response: { 200: orgUnitDetailSchema },
      },
    },
    async (request) => getOrgUnit(db, actorOf(request), request.params.idOrCode, request.query.at),
  );

  app.post(
    '/',
    {
      schema: { tags, summary: 'Thêm đơn vị', body: createOrgUnitBodySchema, response: { 201: orgUnitDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await createOrgUnit(db, actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Đổi tên đơn vị (tên cũ được giữ kèm thời gian)',
        params: unitIdParamsSchema,
        body: renameOrgUnitBodySchema,
        response: { 200: orgUnitDetailSchema },
      },
    },
    async (request) => renameOrgUnit(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/close',
    {
      schema: {
        tags,
        summary: 'Chấm dứt hoạt động của đơn vị',
        params: unitIdParamsSchema,
        body: closeOrgUnitBodySchema,
        response: { 200: orgUnitDetailSchema },
      },
    },
    async (request) => closeOrgUnit(db, actorOf(request), request.params.id, request.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { registerDocumentOwner } from '../../platform/documents';
import { linkCampaigns, unlinkCampaigns } from './campaigns-links';
import {
  campaignDetailSchema,
  campaignIdParamsSchema,
  campaignLinkParamsSchema,
  createCampaignBodySchema,
  linkCampaignBodySchema,
  listCampaignsQuerySchema,
  listCampaignsResponseSchema,
  updateCampaignBodySchema,
} from './campaigns.schemas';
import {
  createCampaign,
  findCampaignUnit,
  getCampaign,
  isCampaignVisible,
  listCampaigns,
  updateCampaign,
} from './campaigns.service';

export const campaignsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['campaigns'];
  const { db } = ctx.database;

  // The text of a directive is read wherever the directive is: its documents follow the campaign's visibility.
  registerDocumentOwner('campaign', {
    resolveUnit: findCampaignUnit,
    isVisible: isCampaignVisible,
    label: 'văn bản chỉ đạo',
  });

  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Chỉ thị, nghị quyết, kết luận, kế hoạch ban hành trong phạm vi của mình hoặc ở cấp trên (tìm không dấu theo số, trích yếu)',
        querystring: listCampaignsQuerySchema,
        response: { 200: listCampaignsResponseSchema },
      },
    },
    async (request) => listCampaigns(db, actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Một văn bản với các liên kết hai chiều',
        params: campaignIdParamsSchema,
        response: { 200: campaignDetailSchema },
      },
    },
    async (request) => getCampaign(db, actorOf(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Thêm văn bản (quản lý của đơn vị phạm vi)',
        body: createCampaignBodySchema,
        response: { 201: campaignDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(db, actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa văn bản (kèm phiên bản đang sửa; 409 kèm những gì đã thay đổi)',
        params: campaignIdParamsSchema,
        body: updateCampaignBodySchema,
        response: { 200: campaignDetailSchema },
      },
    },
    async (request) => updateCampaign(db, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/links',
    {
      schema: {
        tags,
        summary: 'Liên kết với văn bản khác: tiếp tục, thực hiện cùng, triển khai, liên quan',
        params: campaignIdParamsSchema,
        body: linkCampaignBodySchema,
        response: { 201: campaignDetailSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await linkCampaigns(db, actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/:id/links/:relatedId',
    { schema: { tags, summary: 'Bỏ liên kết giữa hai văn bản', params: campaignLinkParamsSchema } },
    async (request, reply) => {
      await unlinkCampaigns(db, actorOf(request), request.params.id, request.params.relatedId);
      return reply.status(204).send();
    },
  );
};

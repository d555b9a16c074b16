import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { registerDocumentOwner } from '../../platform/documents';
import {
  createThemeBodySchema,
  listThemesQuerySchema,
  listThemesResponseSchema,
  themeDetailSchema,
  themeIdParamsSchema,
  updateThemeBodySchema,
} from './study-themes.schemas';
import { createTheme, findThemeUnit, getTheme, isThemeVisible, listThemes, updateTheme } from './study-themes.service';

export const studyThemesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['study-themes'];
  const { db } = ctx.database;

  registerDocumentOwner('study_theme', { resolveUnit: findThemeUnit, isVisible: isThemeVisible, label: 'chuyên đề' });

  app.get(
    '/',
    {
      schema: {
        tags,
        summary:
          'Chuyên đề học tập: theo văn bản, đơn vị, khoảng thời gian; appliesTo + at cho các chuyên đề đang áp dụng với một đơn vị vào một ngày',
        querystring: listThemesQuerySchema,
        response: { 200: listThemesResponseSchema },
      },
    },
    async (request) => listThemes(db, actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: { tags, summary: 'Một chuyên đề', params: themeIdParamsSchema, response: { 200: themeDetailSchema } },
    },
    async (request) => getTheme(db, actorOf(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Thêm chuyên đề (quản lý của đơn vị phạm vi, nằm trong phạm vi của văn bản)',
        body: createThemeBodySchema,
        response: { 201: themeDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTheme(db, actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa chuyên đề (kèm phiên bản đang sửa; 409 kèm những gì đã thay đổi)',
        params: themeIdParamsSchema,
        body: updateThemeBodySchema,
        response: { 200: themeDetailSchema },
      },
    },
    async (request) => updateTheme(db, actorOf(request), request.params.id, request.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import { listMyNotifications, markNotificationsRead } from './notifications.service';

const tags = ['notifications'];
const listSchema = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      title: z.string(),
      body: z.string().nullable(),
      link: z.string().nullable(),
      createdAt: z.string(),
      isRead: z.boolean(),
    }),
  ),
});

/** The caller's in-app notifications (report returned, approved, reminders of late reports). */
export const notificationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;

  app.get(
    '/',
    { schema: { tags, summary: 'Thông báo của tôi (mới nhất trước) và số chưa đọc', response: { 200: listSchema } } },
    async (request) => listMyNotifications(db, actorOf(request)),
  );

  app.post(
    '/:id/read',
    {
      schema: {
        tags,
        summary: 'Đánh dấu một thông báo đã đọc',
        params: z.object({ id: z.uuid({ message: 'Mã thông báo không hợp lệ' }) }),
        response: { 200: listSchema },
      },
    },
    async (request) => markNotificationsRead(db, actorOf(request), request.params.id),
  );

  app.post(
    '/read-all',
    { schema: { tags, summary: 'Đánh dấu mọi thông báo đã đọc', response: { 200: listSchema } } },
    async (request) => markNotificationsRead(db, actorOf(request)),
  );
};

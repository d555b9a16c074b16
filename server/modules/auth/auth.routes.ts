import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app';
import { loadScope } from '../../platform/access';
import { actorOf } from '../../platform/auth/plugin';
import { deleteSession, deleteUserSessions, SESSION_COOKIE } from '../../platform/auth/sessions';
import { changePasswordBodySchema, demoAccountsSchema, loginBodySchema, meSchema } from './auth.schemas';
import { changeOwnPassword, getMe, listDemoAccounts, login } from './auth.service';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['auth'];

  app.post(
    '/login',
    {
      config: { isPublic: true },
      schema: { tags, summary: 'Đăng nhập', body: loginBodySchema, response: { 200: z.object({ user: meSchema }) } },
    },
    async (request, reply) => {
      const session = await login(ctx.database, ctx.config, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: new Date(Date.now() + ctx.config.sessionMaxDays * 86_400_000),
      });
      const actor = {
        userId: session.userId,
        username: request.body.username,
        scope: await loadScope(ctx.database.db, session.userId),
      };
      return { user: await getMe(ctx.database, actor) };
    },
  );

  app.post(
    '/logout',
    { config: { isPublic: true }, schema: { tags, summary: 'Đăng xuất' } },
    async (request, reply) => {
      if (request.sessionUser) {
        await deleteSession(ctx.database.db, request.sessionUser.sessionId);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post('/logout-all', { schema: { tags, summary: 'Đăng xuất trên mọi thiết bị' } }, async (request, reply) => {
    await deleteUserSessions(ctx.database.db, actorOf(request).userId ?? '');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/me',
    { schema: { tags, summary: 'Người dùng đang đăng nhập', response: { 200: z.object({ user: meSchema }) } } },
    async (request) => ({ user: await getMe(ctx.database, actorOf(request)) }),
  );

  app.post(
    '/change-password',
    { schema: { tags, summary: 'Đổi mật khẩu của mình', body: changePasswordBodySchema } },
    async (request, reply) => {
      await changeOwnPassword(ctx.database, actorOf(request), request.sessionUser!, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/demo-accounts',
    {
      config: { isPublic: true },
      schema: { tags, summary: 'Tài khoản dùng thử (khi có dữ liệu mẫu)', response: { 200: demoAccountsSchema } },
    },
    async () => ({ accounts: await listDemoAccounts(ctx.database) }),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';
import { actorOf } from '../../platform/auth/plugin';
import {
  createUserBodySchema,
  createUserResponseSchema,
  grantBodySchema,
  grantParamsSchema,
  grantResponseSchema,
  listUsersQuerySchema,
  listUsersResponseSchema,
  resetPasswordBodySchema,
  resetPasswordResponseSchema,
  updateUserBodySchema,
  userIdParamsSchema,
  userResponseSchema,
} from './users.schemas';
import { createUser, getUser, grantRole, listUsers, resetPassword, revokeGrant, updateUser } from './users.service';

export const usersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['users'];
  const { db } = ctx.database;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Danh sách tài khoản thuộc các đơn vị mình quản lý (tìm không dấu theo tên đăng nhập, họ tên)',
        querystring: listUsersQuerySchema,
        response: { 200: listUsersResponseSchema },
      },
    },
    async (request) => listUsers(db, actorOf(request), request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Một tài khoản và các quyền của tài khoản đó',
        params: userIdParamsSchema,
        response: { 200: userResponseSchema },
      },
    },
    async (request) => ({ user: await getUser(db, actorOf(request), request.params.id) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản (mật khẩu tạo ngẫu nhiên nếu bỏ trống, chỉ hiển thị một lần)',
        body: createUserBodySchema,
        response: { 201: createUserResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa họ tên, đơn vị, khóa hoặc mở khóa tài khoản (kèm phiên bản đang sửa)',
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userResponseSchema },
      },
    },
    async (request) => ({ user: await updateUser(db, actorOf(request), request.params.id, request.body) }),
  );

  app.post(
    '/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (kết thúc mọi phiên đăng nhập của người đó)',
        params: userIdParamsSchema,
        body: resetPasswordBodySchema,
        response: { 200: resetPasswordResponseSchema },
      },
    },
    async (request) => resetPassword(db, actorOf(request), request.params.id, request.body?.password),
  );

  app.post(
    '/:id/grants',
    {
      schema: {
        tags,
        summary: 'Cấp quyền trên một đơn vị và các đơn vị trực thuộc (thay quyền cũ trên cùng đơn vị)',
        params: userIdParamsSchema,
        body: grantBodySchema,
        response: { 201: grantResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ grant: await grantRole(db, actorOf(request), request.params.id, request.body) }),
  );

  app.delete(
    '/:id/grants/:grantId',
    { schema: { tags, summary: 'Thu hồi một quyền', params: grantParamsSchema } },
    async (request, reply) => {
      await revokeGrant(db, actorOf(request), request.params.id, request.params.grantId);
      return reply.status(204).send();
    },
  );
};

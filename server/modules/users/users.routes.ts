import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';

export const usersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async () => {};

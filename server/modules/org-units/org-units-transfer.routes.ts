import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app';

/** Import from XLSX/CSV, export of a subtree and the import template. */
export const orgUnitsTransferRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isRoleAtLeast } from '../../../common/roles';
import type { AppContext } from '../../app';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth/plugin';
import { assertVersion } from '../../platform/concurrency';
import { AppError, forbidden, notFound } from '../../platform/errors';
import * as repo from './conferences.repository';
import { categoryBody, categoryParams, categorySchema, updateCategoryBody } from './conferences.schemas';

type Row = Awaited<ReturnType<typeof repo.categories>>[number];
const toCategory = (row: Row) => ({
  id: row.id,
  code: row.code,
  nameVi: row.name_vi,
  nameEn: row.name_en,
  sortOrder: row.sort_order,
  isActive: row.is_active,
  version: row.version,
});

/** The list is shared by every conference: only an administrator changes it. */
function assertAdmin(actor: Actor) {
  const role = actor.scope.highestRole();
  if (!role || !isRoleAtLeast(role, 'admin')) {
    throw forbidden('Chỉ quản trị viên mới được sửa danh mục thành phần tham dự.');
  }
}

async function findCategory(db: DbOrTrx, id: string) {
  const row = await db.selectFrom('conference_roster_category').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw notFound('Thành phần');
  }
  return row;
}

export const categoriesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { db } = ctx.database;
  const tags = ['conferences'];
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Danh mục thành phần tham dự (dùng cho danh sách đại biểu và đoạn thành phần tham dự)',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(categorySchema) }) },
      },
    },
    async (request) => ({ items: (await repo.categories(db, request.query.all !== 'true')).map(toCategory) }),
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Thêm thành phần (quản trị)', body: categoryBody, response: { 201: categorySchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      assertAdmin(actor);
      const input = request.body;
      const row = await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('conference_roster_category')
          .select('id')
          .where('code', '=', input.code)
          .executeTakeFirst();
        if (existing) {
          throw new AppError('CONFLICT', `Đã có thành phần mã "${input.code}".`, [
            { path: 'body.code', message: `Đã có thành phần mã "${input.code}".` },
          ]);
        }
        const created = await trx
          .insertInto('conference_roster_category')
          .values({ code: input.code, name_vi: input.nameVi, name_en: input.nameEn, sort_order: input.sortOrder })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'conference.category.create',
          entityType: 'conference_roster_category',
          entityId: created.id,
          summary: `Thêm thành phần tham dự "${input.nameVi}"`,
          after: input,
        });
        return created;
      });
      return reply.status(201).send(toCategory(row));
    },
  );
  app.patch(
    '/:categoryId',
    {
      schema: {
        tags,
        summary: 'Sửa hoặc ngừng dùng một thành phần (quản trị; kèm version)',
        params: categoryParams,
        body: updateCategoryBody,
        response: { 200: categorySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      assertAdmin(actor);
      const input = request.body;
      const row = await db.transaction().execute(async (trx) => {
        const stored = await findCategory(trx, request.params.categoryId);
        assertVersion(
          {
            nameVi: stored.name_vi,
            nameEn: stored.name_en,
            sortOrder: stored.sort_order,
            isActive: stored.is_active,
            version: stored.version,
          },
          input,
        );
        const updated = await trx
          .updateTable('conference_roster_category')
          .set({
            ...(input.nameVi !== undefined ? { name_vi: input.nameVi } : {}),
            ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
            ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
            ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
            version: stored.version + 1,
            updated_at: new Date(),
          })
          .where('id', '=', stored.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, actor, {
          action: 'conference.category.update',
          entityType: 'conference_roster_category',
          entityId: stored.id,
          summary: `Sửa thành phần tham dự "${updated.name_vi}"`,
          before: toCategory(stored),
          after: input,
        });
        return updated;
      });
      return toCategory(row);
    },
  );
};

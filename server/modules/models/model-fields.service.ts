import { isRoleAtLeast } from '../../../common/roles';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import * as repo from './model-fields.repository';
import type { CreateModelFieldInput, ModelField, UpdateModelFieldInput } from './models.schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toModelField(row: repo.FieldRow): ModelField {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    sortOrder: row.sort_order,
    isActive: row.is_active,
    version: row.version,
  };
}

/**
 * The field list is one list for the whole system, so it is kept by the top of the tree: an administrator, or a
 * manager whose grant sits on a root unit (the central level).
 */
export function canManageModelFields(actor: Actor): boolean {
  if (actor.scope.isSystem) {
    return true;
  }
  return actor.scope.grants.some(
    (grant) =>
      grant.role === 'admin' ||
      (isRoleAtLeast(grant.role, 'manager') && grant.roots.some((root) => !root.includes('.'))),
  );
}

/** The fields offered to users (active ones, in list order); all of them with `includeInactive`. */
export async function listModelFields(db: DbOrTrx, includeInactive = false): Promise<ModelField[]> {
  return (await repo.listFields(db, includeInactive)).map(toModelField);
}

/** A field by id or code, or undefined. */
export async function findModelField(db: DbOrTrx, idOrCode: string): Promise<repo.FieldRow | undefined> {
  return UUID.test(idOrCode) ? repo.findField(db, idOrCode) : repo.findFieldByCode(db, idOrCode.trim().toLowerCase());
}

const FIELD_LABELS = { nameVi: 'Tên tiếng Việt', nameEn: 'Tên tiếng Anh', sortOrder: 'Thứ tự', isActive: 'Đang dùng' };

/** Adds a field to the list (root manager or administrator); a code already used answers 409. */
export async function createModelField(db: Db, actor: Actor, input: CreateModelFieldInput): Promise<ModelField> {
  if (!canManageModelFields(actor)) {
    throw forbidden('Chỉ quản lý cấp Trung ương hoặc quản trị viên được sửa danh mục lĩnh vực.');
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertField(trx, {
      code: input.code,
      name_vi: input.nameVi,
      name_en: input.nameEn,
      sort_order: input.sortOrder,
      is_active: input.isActive,
    });
    if (!row) {
      const message = `Mã lĩnh vực "${input.code}" đã có.`;
      throw conflict(message, [{ path: 'body.code', message }]);
    }
    await recordAudit(trx, actor, {
      action: 'model-field.create',
      entityType: 'model_field',
      entityId: row.id,
      summary: `Thêm lĩnh vực mô hình ${row.code} ${row.name_vi}`,
      after: input,
    });
    return toModelField(row);
  });
}

/** Renames, reorders, retires or restores a field; 409 with what changed when the caller's copy is stale. */
export async function updateModelField(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateModelFieldInput,
): Promise<ModelField> {
  if (!canManageModelFields(actor)) {
    throw forbidden('Chỉ quản lý cấp Trung ương hoặc quản trị viên được sửa danh mục lĩnh vực.');
  }
  const values = {
    ...(input.nameVi !== undefined ? { name_vi: input.nameVi } : {}),
    ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
    ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
    ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
  };
  if (Object.keys(values).length === 0) {
    throw validationFailed('Không có thay đổi nào.', [{ path: 'body', message: 'Gửi ít nhất một trường cần sửa' }]);
  }
  return db.transaction().execute(async (trx) => {
    const stored = await repo.findField(trx, id);
    if (!stored) {
      throw notFound('Lĩnh vực');
    }
    assertVersion(toModelField(stored), input, FIELD_LABELS);
    if (!(await repo.updateField(trx, id, input.version, values))) {
      assertVersion(toModelField((await repo.findField(trx, id))!), input, FIELD_LABELS);
    }
    await recordAudit(trx, actor, {
      action: 'model-field.update',
      entityType: 'model_field',
      entityId: id,
      summary: `Sửa lĩnh vực mô hình ${stored.code}`,
      before: Object.fromEntries(Object.keys(values).map((key) => [key, stored[key as keyof repo.FieldRow]])),
      after: values,
    });
    return toModelField((await repo.findField(trx, id))!);
  });
}

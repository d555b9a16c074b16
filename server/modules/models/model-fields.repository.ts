import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export interface FieldRow {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
  is_active: boolean;
  version: number;
}

const COLUMNS = ['id', 'code', 'name_vi', 'name_en', 'sort_order', 'is_active', 'version'] as const;

export async function listFields(db: DbOrTrx, includeInactive: boolean): Promise<FieldRow[]> {
  let query = db.selectFrom('model_field').select(COLUMNS);
  if (!includeInactive) {
    query = query.where('is_active', '=', true);
  }
  return query.orderBy('sort_order').orderBy('code').execute();
}

export async function findField(db: DbOrTrx, id: string): Promise<FieldRow | undefined> {
  return db.selectFrom('model_field').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findFieldByCode(db: DbOrTrx, code: string): Promise<FieldRow | undefined> {
  return db.selectFrom('model_field').select(COLUMNS).where('code', '=', code).executeTakeFirst();
}

export async function insertField(
  trx: DbOrTrx,
  values: Pick<FieldRow, 'code' | 'name_vi' | 'name_en' | 'sort_order' | 'is_active'>,
): Promise<FieldRow | undefined> {
  return trx
    .insertInto('model_field')
    .values(values)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(COLUMNS)
    .executeTakeFirst();
}

export async function updateField(
  trx: DbOrTrx,
  id: string,
  version: number,
  values: Partial<Pick<FieldRow, 'name_vi' | 'name_en' | 'sort_order' | 'is_active'>>,
): Promise<boolean> {
  const result = await trx
    .updateTable('model_field')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

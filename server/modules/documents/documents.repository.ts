import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export interface DocumentRow {
  id: string;
  entity_type: string;
  entity_id: string;
  unit_id: string;
  unit_path: string;
  file_name: string;
  title: string | null;
  sha256: string;
  mime_type: string;
  size_bytes: number;
  created_at: Date;
  created_by: string | null;
  created_by_name: string | null;
}

function selectDocuments(db: DbOrTrx) {
  return db
    .selectFrom('document as d')
    .innerJoin('stored_file as f', 'f.sha256', 'd.sha256')
    .innerJoin('org_unit as u', 'u.id', 'd.unit_id')
    .leftJoin('app_user as a', 'a.id', 'd.created_by')
    .select([
      'd.id',
      'd.entity_type',
      'd.entity_id',
      'd.unit_id',
      sql<string>`u.path::text`.as('unit_path'),
      'd.file_name',
      'd.title',
      'd.sha256',
      'f.mime_type',
      'f.size_bytes',
      'd.created_at',
      'd.created_by',
      'a.full_name as created_by_name',
    ]);
}

/** The documents of one record, oldest first (the order they were attached). */
export async function listForEntity(db: DbOrTrx, entityType: string, entityId: string): Promise<DocumentRow[]> {
  return selectDocuments(db)
    .where('d.entity_type', '=', entityType)
    .where('d.entity_id', '=', entityId)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

export async function findDocument(db: DbOrTrx, id: string): Promise<DocumentRow | undefined> {
  return selectDocuments(db).where('d.id', '=', id).executeTakeFirst();
}

/** Records stored content; the same content stored before is left as it is. */
export async function insertStoredFile(db: DbOrTrx, file: { sha256: string; size_bytes: number; mime_type: string }) {
  await db
    .insertInto('stored_file')
    .values(file)
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function insertDocument(
  db: DbOrTrx,
  values: {
    sha256: string;
    entity_type: string;
    entity_id: string;
    unit_id: string;
    file_name: string;
    title: string | null;
    created_by: string | null;
  },
): Promise<string> {
  const row = await db.insertInto('document').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteDocument(db: DbOrTrx, id: string): Promise<boolean> {
  const result = await db.deleteFrom('document').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function setUnitForEntity(db: DbOrTrx, entityType: string, entityId: string, unitId: string) {
  await db
    .updateTable('document')
    .set({ unit_id: unitId })
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
}

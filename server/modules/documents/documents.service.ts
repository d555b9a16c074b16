import type { ReadStream } from 'node:fs';
import { todayIso } from '../../../common/dates';
import { inTransaction, type DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { documentOwner, documentEntityTypes, type DocumentOwner } from '../../platform/documents';
import { AppError, forbidden, notFound, validationFailed } from '../../platform/errors';
import { checkUpload, openStoredContent, storeContent } from '../../platform/files';
import { resolveUnit } from '../org-units/org-units.service';
import * as repo from './documents.repository';
import type { DocumentSummary, UploadFields } from './documents.schemas';

function toSummary(row: repo.DocumentRow): DocumentSummary {
  return {
    id: row.id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    fileName: row.file_name,
    title: row.title,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by ? { id: row.created_by, fullName: row.created_by_name ?? '' } : null,
  };
}

function ownerOf(entityType: string, where: 'body' | 'query'): DocumentOwner {
  const owner = documentOwner(entityType);
  if (!owner) {
    const message = `Loại bản ghi "${entityType}" không nhận tài liệu đính kèm (nhận: ${documentEntityTypes().join(', ')})`;
    throw validationFailed(message, [{ path: `${where}.entityType`, message }]);
  }
  return owner;
}

interface RecordAccess {
  unitId: string;
  canRead: boolean;
  canEdit: boolean;
}

/** What the caller may do with the documents of one record; NOT_FOUND when the record does not exist. */
async function recordAccess(db: DbOrTrx, actor: Actor, owner: DocumentOwner, entityId: string): Promise<RecordAccess> {
  const unitId = await owner.resolveUnit(db, entityId);
  const unit = unitId ? await resolveUnit(db, unitId, todayIso()) : undefined;
  if (!unitId || !unit) {
    throw notFound('Bản ghi');
  }
  const canRead = owner.isVisible ? await owner.isVisible(db, actor, entityId) : actor.scope.can(unit.path, 'viewer');
  return { unitId, canRead, canEdit: canRead && actor.scope.can(unit.path, 'editor') };
}

/** The documents attached to a record the caller can see, and whether they may attach or remove any. */
export async function listDocuments(
  db: DbOrTrx,
  actor: Actor,
  entityType: string,
  entityId: string,
): Promise<{ items: DocumentSummary[]; abilities: { canEdit: boolean } }> {
  const access = await recordAccess(db, actor, ownerOf(entityType, 'query'), entityId);
  if (!access.canRead) {
    throw notFound('Bản ghi');
  }
  const rows = await repo.listForEntity(db, entityType, entityId);
  return { items: rows.map(toSummary), abilities: { canEdit: access.canEdit } };
}

export interface Upload {
  fileName: string;
  data: Buffer;
}

/**
 * Attaches a file to a record: editor on the record's unit. The type is checked by content, the bytes stored once by
 * their SHA-256 under `<dataDir>/files`, and the attachment audited.
 */
export async function uploadDocument(
  db: DbOrTrx,
  actor: Actor,
  dataDir: string,
  fields: UploadFields,
  upload: Upload,
): Promise<DocumentSummary> {
  const owner = ownerOf(fields.entityType, 'body');
  const access = await recordAccess(db, actor, owner, fields.entityId);
  if (!access.canRead) {
    throw notFound('Bản ghi');
  }
  if (!access.canEdit) {
    throw forbidden('Bạn cần quyền nhập liệu trên đơn vị của bản ghi để đính kèm tài liệu.');
  }
  const type = checkUpload(upload.fileName, upload.data);
  // Written before the transaction: content is addressed by its hash, so a file left by a failed transaction is
  // simply reused by the next upload of the same bytes.
  const stored = await storeContent(dataDir, upload.data, type.mimeType);
  const id = await inTransaction(db, async (trx) => {
    await repo.insertStoredFile(trx, { sha256: stored.sha256, size_bytes: stored.sizeBytes, mime_type: type.mimeType });
    const created = await repo.insertDocument(trx, {
      sha256: stored.sha256,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      unit_id: access.unitId,
      file_name: upload.fileName,
      title: fields.title || null,
      created_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'document.upload',
      entityType: 'document',
      entityId: created,
      unitId: access.unitId,
      summary: `Đính kèm tệp "${upload.fileName}" vào ${owner.label ?? fields.entityType}`,
      after: {
        entityType: fields.entityType,
        entityId: fields.entityId,
        fileName: upload.fileName,
        title: fields.title || null,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        mimeType: type.mimeType,
      },
    });
    return created;
  });
  const row = await repo.findDocument(db, id);
  return toSummary(row!);
}

/** A document whose record the caller can see (NOT_FOUND otherwise, whether it exists or not). */
async function loadReadable(db: DbOrTrx, actor: Actor, id: string): Promise<repo.DocumentRow> {
  const row = await repo.findDocument(db, id);
  if (!row) {
    throw notFound('Tài liệu');
  }
  const owner = documentOwner(row.entity_type);
  const canRead = owner?.isVisible
    ? await owner.isVisible(db, actor, row.entity_id)
    : actor.scope.can(row.unit_path, 'viewer');
  if (!canRead) {
    throw notFound('Tài liệu');
  }
  return row;
}

export interface DocumentContent {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  stream: ReadStream;
}

/** The stored bytes of a document the caller can see, with its original name and type. */
export async function openDocument(db: DbOrTrx, actor: Actor, dataDir: string, id: string): Promise<DocumentContent> {
  const row = await loadReadable(db, actor, id);
  const stream = openStoredContent(dataDir, row.sha256);
  if (!stream) {
    throw new AppError('INTERNAL', 'Không tìm thấy nội dung tệp trên máy chủ. Hãy báo quản trị viên.');
  }
  return { fileName: row.file_name, mimeType: row.mime_type, sizeBytes: row.size_bytes, stream };
}

/**
 * Removes a document from its record: editor on the record's unit. The stored content stays: other documents may
 * share it, and removing it safely while another upload of the same bytes is in flight would need a lock.
 */
export async function deleteDocument(db: DbOrTrx, actor: Actor, id: string): Promise<void> {
  const row = await loadReadable(db, actor, id);
  if (!actor.scope.can(row.unit_path, 'editor')) {
    throw forbidden('Bạn cần quyền nhập liệu trên đơn vị của bản ghi để gỡ tài liệu.');
  }
  await inTransaction(db, async (trx) => {
    if (!(await repo.deleteDocument(trx, id))) {
      throw notFound('Tài liệu');
    }
    await recordAudit(trx, actor, {
      action: 'document.delete',
      entityType: 'document',
      entityId: id,
      unitId: row.unit_id,
      summary: `Gỡ tệp "${row.file_name}" khỏi ${documentOwner(row.entity_type)?.label ?? row.entity_type}`,
      before: {
        entityType: row.entity_type,
        entityId: row.entity_id,
        fileName: row.file_name,
        title: row.title,
        sha256: row.sha256,
        sizeBytes: row.size_bytes,
        mimeType: row.mime_type,
      },
    });
  });
}

/**
 * Keeps the documents of a record under its unit when the record moves to another unit (call it in the transaction
 * that moves the record), so access to them follows.
 */
export async function syncDocumentUnit(
  trx: DbOrTrx,
  entityType: string,
  entityId: string,
  unitId: string,
): Promise<void> {
  await repo.setUnitForEntity(trx, entityType, entityId, unitId);
}

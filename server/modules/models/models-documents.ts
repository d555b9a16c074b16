import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { registerDocumentOwner } from '../../platform/documents';
import { findModelUnitId } from './models.repository';

/** Documents (photos, evidence) of a model hang under `entity_type = 'model'`. */
export const MODEL_DOCUMENT_TYPE = 'model';

/** Where a browser shows a photo attached to a model (the documents module's download, inline). */
export function modelDocumentUrl(documentId: string): string {
  return `/api/v1/documents/${documentId}/download?disposition=inline`;
}

/**
 * Models take attachments: whoever reads the model reads its photos (`isVisible`, the registry's rule); editors of
 * the model's unit attach and remove them.
 */
export function registerModelDocuments(
  isVisible: (db: DbOrTrx, actor: Actor, modelId: string) => Promise<boolean>,
): void {
  registerDocumentOwner(MODEL_DOCUMENT_TYPE, {
    label: 'mô hình, cách làm hay',
    isVisible,
    resolveUnit: (db: DbOrTrx, entityId: string) => findModelUnitId(db, entityId),
  });
}

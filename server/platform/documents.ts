import type { DbOrTrx } from '../db/connection';
import type { Actor } from './access';

/**
 * A kind of record that takes attachments. Access to its documents follows the record: reading needs viewer on the
 * record's unit, attaching and removing need editor there.
 */
export interface DocumentOwner {
  /** The unit the record hangs under, or undefined when there is no such record. */
  resolveUnit: (db: DbOrTrx, entityId: string) => Promise<string | undefined>;
  /**
   * Who may read, when that is wider than the unit's subtree: a national directive is read by every commune, so its
   * documents are too. Without it, viewer on the record's unit decides.
   */
  isVisible?: (db: DbOrTrx, actor: Actor, entityId: string) => Promise<boolean>;
  /** What the record is called in audit summaries, e.g. "chỉ thị, nghị quyết". */
  label?: string;
}

const owners = new Map<string, DocumentOwner>();

/**
 * Declares that records of `entityType` (e.g. `campaign`, `commendation_decision`, `model`) take attachments.
 * Modules call it when their routes are registered; registering again replaces the earlier entry.
 */
export function registerDocumentOwner(entityType: string, owner: DocumentOwner): void {
  owners.set(entityType, owner);
}

export function documentOwner(entityType: string): DocumentOwner | undefined {
  return owners.get(entityType);
}

export function documentEntityTypes(): string[] {
  return [...owners.keys()].sort();
}

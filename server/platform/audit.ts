import type { DbOrTrx } from '../db/connection';
import type { Actor } from './access';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The unit the record hangs under, so that managers read their subtree's entries. */
  unitId?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry; call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(db: DbOrTrx, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditMany(db, actor, [entry]);
}

export async function recordAuditMany(db: DbOrTrx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < entries.length; i += CHUNK) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + CHUNK).map((entry) => ({
          user_id: actor.userId,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId ?? null,
          unit_id: entry.unitId ?? null,
          summary: entry.summary ?? null,
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
          request_id: actor.requestId ?? null,
          ip: actor.ip ?? null,
        })),
      )
      .execute();
  }
}

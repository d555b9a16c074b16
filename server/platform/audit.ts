import { formatDateVi, todayIso, VIETNAM_TIME_ZONE } from '../../common/dates';
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

// Made once, like the day formatter in common/dates: hours and minutes in Vietnam's time zone.
const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: VIETNAM_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * The last audit entry of a record, told in a sentence for a 409: "Lần sửa gần nhất: Nguyễn Văn A lúc 21:30 ngày
 * 29/11/2026 — Thêm Lê Thị Mai vào quyết định 12-QĐ/TU." Undefined when the record has no entry.
 */
export async function describeLastChange(
  db: DbOrTrx,
  entityType: string,
  entityId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as p', 'p.id', 'a.user_id')
    .select(['a.at', 'a.summary', 'p.full_name'])
    .where('a.entity_type', '=', entityType)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const at = new Date(row.at as unknown as string | Date);
  const when = `lúc ${VIETNAM_TIME.format(at)} ngày ${formatDateVi(todayIso(at))}`;
  const who = row.full_name ?? 'hệ thống';
  return `Lần sửa gần nhất: ${who} ${when}${row.summary ? ` — ${row.summary}` : ''}.`;
}

import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';

export interface AuditRow {
  id: number | string;
  at: Date;
  user_id: string | null;
  username: string | null;
  full_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** The path of the entry's unit (alias `u`, left-joined: null for entries without a unit), for scope conditions. */
export const unitPathRef = sql`u.path`;

export interface AuditFilter {
  /** Entries whose unit lies in the caller's reach. */
  scope: RawBuilder<SqlBool>;
  /** Whether entries without a unit are visible too. */
  includeUnitless: boolean;
  userId?: string;
  username?: string;
  entityType?: string;
  underPath?: string;
  fromAt?: Date;
  /** Exclusive upper bound. */
  beforeAt?: Date;
}

function filtered(db: DbOrTrx, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('org_unit as u', 'u.id', 'a.unit_id')
    .leftJoin('app_user as p', 'p.id', 'a.user_id')
    .where((eb) => (filter.includeUnitless ? eb.or([filter.scope, eb('a.unit_id', 'is', null)]) : filter.scope));
  if (filter.userId) {
    query = query.where('a.user_id', '=', filter.userId);
  }
  if (filter.username) {
    query = query.where('p.username', '=', filter.username);
  }
  if (filter.entityType) {
    query = query.where('a.entity_type', '=', filter.entityType);
  }
  if (filter.underPath) {
    query = query.where(sql<SqlBool>`u.path <@ ${filter.underPath}::ltree`);
  }
  if (filter.fromAt) {
    query = query.where('a.at', '>=', filter.fromAt);
  }
  if (filter.beforeAt) {
    query = query.where('a.at', '<', filter.beforeAt);
  }
  return query;
}

/** Newest first; ties (one transaction writes several entries with the same `at`) broken by insertion order. */
export async function listEntries(
  db: DbOrTrx,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .select([
        'a.id',
        'a.at',
        'a.user_id',
        'p.username',
        'p.full_name',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.unit_id',
        'u.code as unit_code',
        'u.name as unit_name',
        'a.summary',
        'a.before',
        'a.after',
        'a.request_id',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(db, filter)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export async function listEntityTypes(db: DbOrTrx, filter: AuditFilter): Promise<string[]> {
  const rows = await filtered(db, filter)
    // Entity types are ASCII identifiers: byte order, the same on every server locale.
    .select(sql<string>`a.entity_type collate "C"`.as('entity_type'))
    .distinct()
    .orderBy('entity_type')
    .execute();
  return rows.map((r) => r.entity_type);
}

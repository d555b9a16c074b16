import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import type { Scope } from '../../platform/access';

/** Every query of the conferences module. */

export async function findConference(db: DbOrTrx, id: string) {
  return db
    .selectFrom('conference as c')
    .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('campaign as k', 'k.id', 'c.campaign_id')
    .select([
      'c.id',
      'c.title',
      'c.campaign_id',
      'c.unit_id',
      'c.starts_at',
      'c.ends_at',
      'c.mode',
      'c.host_place',
      'c.meeting_url',
      'c.room_name',
      'c.minutes',
      'c.conclusions',
      'c.news_text',
      'c.version',
      'u.code as unit_code',
      'u.name as unit_name',
      sql<string>`u.path::text`.as('unit_path'),
      'k.code as campaign_code',
      'k.title as campaign_title',
    ])
    .select((eb) =>
      eb
        .selectFrom('conference_bridge as b')
        .whereRef('b.conference_id', '=', 'c.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('bridges_count'),
    )
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type ConferenceRow = NonNullable<Awaited<ReturnType<typeof findConference>>>;

/** Conferences the caller organises (in reach of the organising unit) or hosts a point of. */
export async function listConferences(db: DbOrTrx, scope: Scope, from?: string, to?: string) {
  let query = db
    .selectFrom('conference as c')
    .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
    .leftJoin('campaign as k', 'k.id', 'c.campaign_id')
    .select([
      'c.id',
      'c.title',
      'c.campaign_id',
      'c.starts_at',
      'c.ends_at',
      'c.mode',
      'c.host_place',
      'c.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      sql<string>`u.path::text`.as('unit_path'),
      'k.code as campaign_code',
      'k.title as campaign_title',
    ])
    .select((eb) =>
      eb
        .selectFrom('conference_bridge as b')
        .whereRef('b.conference_id', '=', 'c.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('bridges_count'),
    )
    .where((eb) =>
      eb.or([
        scope.sqlContains(sql`u.path`),
        eb.exists(
          eb
            .selectFrom('conference_bridge as b')
            .innerJoin('org_unit as bu', 'bu.id', 'b.unit_id')
            .whereRef('b.conference_id', '=', 'c.id')
            .where(scope.sqlContains(sql`bu.path`))
            .select(sql`1`.as('x')),
        ),
      ]),
    );
  if (from) {
    query = query.where(sql<SqlBool>`c.ends_at >= ${from}::date`);
  }
  if (to) {
    query = query.where(sql<SqlBool>`c.starts_at < ${to}::date + 1`);
  }
  return query.orderBy('c.starts_at', 'desc').limit(500).execute();
}

export async function hasBridgeInScope(db: DbOrTrx, conferenceId: string, condition: RawBuilder<SqlBool>) {
  const row = await db
    .selectFrom('conference_bridge as b')
    .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
    .where('b.conference_id', '=', conferenceId)
    .where(condition)
    .select('b.id')
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export async function agendaItems(db: DbOrTrx, conferenceId: string) {
  return db
    .selectFrom('conference_agenda_item as a')
    .selectAll('a')
    .select((eb) =>
      eb
        .selectFrom('document as d')
        .whereRef('d.entity_id', '=', 'a.id')
        .where('d.entity_type', '=', 'conference_agenda_item')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('documents_count'),
    )
    .where('a.conference_id', '=', conferenceId)
    .orderBy('a.position')
    .orderBy('a.starts_at')
    .execute();
}

export async function documentsCount(db: DbOrTrx, entityType: string, entityId: string): Promise<number> {
  const row = await db
    .selectFrom('document')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

const bridgeColumns = [
  'b.id',
  'b.conference_id',
  'b.unit_id',
  'b.place',
  'b.contact_name',
  'b.contact_phone',
  'b.expected_attendance',
  'b.status',
  'b.status_at',
  'b.problem_note',
  'b.checked_in_count',
  'b.head_count',
  'b.attendance_text',
  'b.version',
  'u.code as unit_code',
  'u.name as unit_name',
  'u.kind as unit_kind',
] as const;

/** The conference's points; `condition` narrows to the caller's own (bridge staff). */
export async function listBridges(db: DbOrTrx, conferenceId: string, condition?: RawBuilder<SqlBool>) {
  let query = db
    .selectFrom('conference_bridge as b')
    .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
    .select(bridgeColumns)
    .select(sql<string>`u.path::text`.as('unit_path'))
    .select((eb) =>
      eb
        .selectFrom('conference_attendee as a')
        .whereRef('a.bridge_id', '=', 'b.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('roster_count'),
    )
    .where('b.conference_id', '=', conferenceId);
  if (condition) {
    query = query.where(condition);
  }
  return query.orderBy('u.path').execute();
}
export type BridgeRow = Awaited<ReturnType<typeof listBridges>>[number];

/** One point with its unit and the organising unit's path (who organises it). */
export async function findBridge(db: DbOrTrx, conferenceId: string, bridgeId: string) {
  return db
    .selectFrom('conference_bridge as b')
    .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
    .innerJoin('conference as c', 'c.id', 'b.conference_id')
    .innerJoin('org_unit as cu', 'cu.id', 'c.unit_id')
    .select(bridgeColumns)
    .select([
      sql<string>`u.path::text`.as('unit_path'),
      sql<string>`cu.path::text`.as('conference_unit_path'),
      'c.title as conference_title',
      'c.starts_at as conference_starts_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('conference_attendee as a')
        .whereRef('a.bridge_id', '=', 'b.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('roster_count'),
    )
    .where('b.conference_id', '=', conferenceId)
    .where('b.id', '=', bridgeId)
    .executeTakeFirst();
}
export type BridgeAccessRow = NonNullable<Awaited<ReturnType<typeof findBridge>>>;

export async function bridgeHistory(db: DbOrTrx, bridgeId: string) {
  return db
    .selectFrom('conference_bridge_status as s')
    .leftJoin('app_user as p', 'p.id', 's.user_id')
    .select(['s.status', 's.note', 's.at', 'p.full_name as by'])
    .where('s.bridge_id', '=', bridgeId)
    .orderBy('s.at', 'desc')
    .limit(100)
    .execute();
}

/** Units of `kind` under `rootPath` (the root included when of that kind), valid on `day`. */
export async function unitsOfKindUnder(db: DbOrTrx, rootPath: string, kind: string, day: string) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.id', sql<string>`u.path::text`.as('path')])
    .where(sql<SqlBool>`u.path <@ ${rootPath}::ltree`)
    .where('u.kind', '=', kind)
    .where('u.valid_from', '<=', day)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', day)]))
    .execute();
}

export async function unitsByIds(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.name', 'u.valid_from', 'u.valid_to', sql<string>`u.path::text`.as('path')])
    .where('u.id', 'in', ids)
    .execute();
}

export async function attendees(db: DbOrTrx, bridgeId: string, search: string | undefined, limit: number) {
  let query = db
    .selectFrom('conference_attendee as a')
    .leftJoin('conference_roster_category as k', 'k.id', 'a.category_id')
    .select([
      'a.id',
      'a.bridge_id',
      'a.full_name',
      'a.position',
      'a.organisation',
      'a.category_id',
      'a.is_walk_in',
      'a.checked_in_at',
      'a.version',
      'a.token',
      'k.code as category_code',
      'k.name_vi as category_name',
      'k.sort_order as category_order',
    ])
    .where('a.bridge_id', '=', bridgeId);
  if (search) {
    query = query.where(sql<SqlBool>`a.search_key like '%' || fold_vietnamese(${search}) || '%'`);
  }
  return query.orderBy('a.sort_order').orderBy('a.created_at').limit(limit).execute();
}
export type AttendeeRow = Awaited<ReturnType<typeof attendees>>[number];

export async function findAttendee(db: DbOrTrx, bridgeId: string, id: string): Promise<AttendeeRow | undefined> {
  return db
    .selectFrom('conference_attendee as a')
    .leftJoin('conference_roster_category as k', 'k.id', 'a.category_id')
    .select([
      'a.id',
      'a.bridge_id',
      'a.full_name',
      'a.position',
      'a.organisation',
      'a.category_id',
      'a.is_walk_in',
      'a.checked_in_at',
      'a.version',
      'a.token',
      'k.code as category_code',
      'k.name_vi as category_name',
      'k.sort_order as category_order',
    ])
    .where('a.bridge_id', '=', bridgeId)
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function countAttendees(db: DbOrTrx, bridgeId: string, search?: string): Promise<number> {
  let query = db
    .selectFrom('conference_attendee as a')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('a.bridge_id', '=', bridgeId);
  if (search) {
    query = query.where(sql<SqlBool>`a.search_key like '%' || fold_vietnamese(${search}) || '%'`);
  }
  return (await query.executeTakeFirstOrThrow()).n;
}

/** The point's counters after a check-in or its undo moved them by `delta`. */
export async function bumpCheckedIn(db: DbOrTrx, bridgeId: string, delta: number) {
  return db
    .updateTable('conference_bridge')
    .set({ checked_in_count: sql`checked_in_count + ${delta}` })
    .where('id', '=', bridgeId)
    .returning([
      'id',
      'place',
      'status',
      'status_at',
      'problem_note',
      'expected_attendance',
      'checked_in_count',
      'head_count',
      'version',
    ])
    .executeTakeFirstOrThrow();
}

export async function categories(db: DbOrTrx, activeOnly: boolean) {
  let query = db.selectFrom('conference_roster_category').selectAll();
  if (activeOnly) {
    query = query.where('is_active', '=', true);
  }
  return query.orderBy('sort_order').orderBy('code').execute();
}

/** Roster counts per point and category, for the attendance paragraph and the export. */
export async function categoryCounts(db: DbOrTrx, conferenceId: string) {
  return db
    .selectFrom('conference_attendee as a')
    .innerJoin('conference_bridge as b', 'b.id', 'a.bridge_id')
    .leftJoin('conference_roster_category as k', 'k.id', 'a.category_id')
    .select([
      'a.bridge_id',
      'k.id as category_id',
      'k.name_vi',
      'k.sort_order',
      sql<number>`count(*)::int`.as('roster'),
      sql<number>`count(a.checked_in_at)::int`.as('present'),
    ])
    .where('b.conference_id', '=', conferenceId)
    .groupBy(['a.bridge_id', 'k.id', 'k.name_vi', 'k.sort_order'])
    .execute();
}

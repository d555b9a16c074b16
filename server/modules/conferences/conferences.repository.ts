import { sql, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/connection';
import type { ConferenceBridgeTable } from '../../db/tables/conferences';
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

/**
 * The conference's points; `condition` narrows to the caller's own (bridge staff). The board leaves out the roster
 * counts (`withRoster: false`): 800 viewers reconnecting at once would otherwise count 70,000 rows each.
 */
export async function listBridges(
  db: DbOrTrx,
  conferenceId: string,
  condition?: RawBuilder<SqlBool>,
  options: { withRoster?: boolean } = {},
) {
  const withRoster = options.withRoster ?? true;
  let query = db
    .selectFrom('conference_bridge as b')
    .innerJoin('org_unit as u', 'u.id', 'b.unit_id')
    .select(bridgeColumns)
    .select(sql<string>`u.path::text`.as('unit_path'))
    .select(
      (withRoster
        ? sql<number>`(select count(*)::int from conference_attendee a where a.bridge_id = b.id)`
        : sql<number>`null::int`
      ).as('roster_count'),
    )
    .where('b.conference_id', '=', conferenceId);
  if (condition) {
    query = query.where(condition);
  }
  return query.orderBy('u.path').execute();
}
export type BridgeRow = Awaited<ReturnType<typeof listBridges>>[number];

/** One point with its unit and the organising unit's path (who organises it); the roster count when asked. */
export async function findBridge(
  db: DbOrTrx,
  conferenceId: string,
  bridgeId: string,
  options: { withRoster?: boolean } = {},
) {
  const withRoster = options.withRoster ?? false;
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
    .select(
      (withRoster
        ? sql<number>`(select count(*)::int from conference_attendee a where a.bridge_id = b.id)`
        : sql<number>`null::int`
      ).as('roster_count'),
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

/** A point's attendees with their category: the one shape the roster list and a single attendee share. */
function attendeesOf(db: DbOrTrx, bridgeId: string) {
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
    .where('a.bridge_id', '=', bridgeId);
}

/** Diacritics-insensitive name search, the same in the list and its count. */
const nameMatches = (search: string) => sql<SqlBool>`a.search_key like '%' || fold_vietnamese(${search}) || '%'`;

export async function attendees(db: DbOrTrx, bridgeId: string, search: string | undefined, limit: number) {
  let query = attendeesOf(db, bridgeId);
  if (search) {
    query = query.where(nameMatches(search));
  }
  return query.orderBy('a.sort_order').orderBy('a.created_at').limit(limit).execute();
}
export type AttendeeRow = Awaited<ReturnType<typeof attendees>>[number];

export async function findAttendee(db: DbOrTrx, bridgeId: string, id: string): Promise<AttendeeRow | undefined> {
  return attendeesOf(db, bridgeId).where('a.id', '=', id).executeTakeFirst();
}

export async function countAttendees(db: DbOrTrx, bridgeId: string, search?: string): Promise<number> {
  let query = db
    .selectFrom('conference_attendee as a')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('a.bridge_id', '=', bridgeId);
  if (search) {
    query = query.where(nameMatches(search));
  }
  return (await query.executeTakeFirstOrThrow()).n;
}

/** The point's counters after a check-in or its undo moved them by `delta`. */
/** Changes a point's own fields (place, contact, status, head count) and moves it to the next version. */
export async function updateBridge(
  db: DbOrTrx,
  bridgeId: string,
  version: number,
  values: Omit<Updateable<ConferenceBridgeTable>, 'version' | 'updated_at'>,
) {
  return db
    .updateTable('conference_bridge')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', bridgeId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

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

export async function rosterCount(db: DbOrTrx, bridgeId: string): Promise<number> {
  return countAttendees(db, bridgeId);
}

export interface CheckInRow {
  id: string;
  bridge_id: string;
  full_name: string;
  position: string | null;
  organisation: string | null;
  category_id: string | null;
  is_walk_in: boolean;
  checked_in_at: Date | null;
  version: number;
  token: string;
  category_code: string | null;
  category_name: string | null;
  category_order: number | null;
  is_new: boolean;
  b_place: string | null;
  b_status: string | null;
  b_status_at: Date | null;
  b_problem_note: string | null;
  b_expected_attendance: number | null;
  b_checked_in_count: number | null;
  b_head_count: number | null;
  b_version: number | null;
  b_seq: number | null;
}

/**
 * A check-in in one statement, the hot path of a conference morning: the point (only when `canEdit` holds for it or
 * for the organising unit), the person (locked), their check-in when not yet checked in, the point's counter moved
 * by one, the board event's id (taken under the point's row lock, so a later id is a later state) and the audit
 * entry, all or nothing. No row: the point is out of reach, or nobody of that point matches; the caller tells which.
 * The audit row carries what `recordAudit` would write.
 */
export async function checkInOne(
  db: DbOrTrx,
  target: {
    conferenceId: string;
    bridgeId: string;
    match: { token: string } | { attendeeId: string };
    canEdit: (pathColumn: RawBuilder<unknown>) => RawBuilder<SqlBool>;
  },
  audit: { userId: string | null; requestId: string | null; ip: string | null; summarySuffix: string },
): Promise<CheckInRow | undefined> {
  const { match } = target;
  const condition = 'token' in match ? sql`a.token = ${match.token}` : sql`a.id = ${match.attendeeId}`;
  const result = await sql<CheckInRow>`
    with point as (
      select b.id, b.unit_id, u.name as unit_name
      from conference_bridge b
      join org_unit u on u.id = b.unit_id
      join conference c on c.id = b.conference_id
      join org_unit cu on cu.id = c.unit_id
      where b.id = ${target.bridgeId} and b.conference_id = ${target.conferenceId}
        and (${target.canEdit(sql`u.path`)} or ${target.canEdit(sql`cu.path`)})
    ), target as (
      select a.id, a.bridge_id, a.full_name, a.position, a.organisation, a.category_id, a.is_walk_in, a.checked_in_at,
             a.version, a.token, k.code as category_code, k.name_vi as category_name, k.sort_order as category_order
      from conference_attendee a
      join point on point.id = a.bridge_id
      left join conference_roster_category k on k.id = a.category_id
      where ${condition}
      for update of a
    ), changed as (
      update conference_attendee a set checked_in_at = now(), checked_in_by = ${audit.userId}, updated_at = now()
      from target where a.id = target.id and target.checked_in_at is null
      returning a.id, a.checked_in_at
    ), bumped as (
      update conference_bridge set checked_in_count = checked_in_count + 1
      where id = ${target.bridgeId} and exists (select 1 from changed)
      returning place, status, status_at, problem_note, expected_attendance, checked_in_count, head_count, version,
                nextval('conference_event_seq')::int as seq
    ), audited as (
      insert into audit_log (user_id, action, entity_type, entity_id, unit_id, summary, request_id, ip)
      select ${audit.userId}::uuid, 'conference.attendee.check_in', 'conference_attendee', changed.id::text,
             point.unit_id, 'Điểm danh tại điểm cầu ' || point.unit_name || ': ' || target.full_name
             || ${audit.summarySuffix}, ${audit.requestId}, ${audit.ip}
      from changed, point, target
    )
    select target.id, target.bridge_id, target.full_name, target.position, target.organisation, target.category_id,
           target.is_walk_in, coalesce(changed.checked_in_at, target.checked_in_at) as checked_in_at, target.version,
           target.token, target.category_code, target.category_name, target.category_order,
           changed.id is not null as is_new,
           bumped.place as b_place, bumped.status as b_status, bumped.status_at as b_status_at,
           bumped.problem_note as b_problem_note, bumped.expected_attendance as b_expected_attendance,
           bumped.checked_in_count as b_checked_in_count, bumped.head_count as b_head_count, bumped.version as b_version,
           bumped.seq as b_seq
    from target left join changed on true left join bumped on true`.execute(db);
  return result.rows[0];
}

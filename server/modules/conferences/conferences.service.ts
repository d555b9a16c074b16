import crypto from 'node:crypto';
import { sql } from 'kysely';
import {
  BRIDGE_STATUS_BOARD_ORDER,
  boardTotals,
  presentOf,
  type BoardBridge,
  type BridgeStatus,
  type ConferenceMode,
} from '../../../common/conferences';
import { todayIso } from '../../../common/dates';
import { isRoleAtLeast, roleRank, type Role } from '../../../common/roles';
import { compareVietnamese } from '../../../common/text';
import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/connection';
import { inTransaction } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import { isCampaignVisible } from '../campaigns/campaigns.service';
import type { BoardEvent, BridgeUpdate, ConferenceHub } from './conferences-events';
import * as repo from './conferences.repository';
import type {
  AgendaItemInput,
  CreateConferenceInput,
  UpdateAgendaItemInput,
  UpdateConferenceInput,
} from './conferences.schemas';

/** Everything a write needs beside the database: the hub that tells the boards. */
export interface ConferenceDeps {
  db: Db;
  hub: ConferenceHub;
  config: Config;
}

/** A timestamp as ISO 8601, as the API writes every one. */
export const iso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();
const maxRole = (a?: Role, b?: Role): Role | undefined => (!a ? b : !b ? a : roleRank(a) >= roleRank(b) ? a : b);

/** Conference day in Vietnam, for unit validity. */
export function conferenceDay(startsAt: Date | string): string {
  return todayIso(new Date(startsAt));
}

// ---------------------------------------------------------------------------------------------------------------
// Access: the organiser (a role on the organising unit) sees and runs everything; bridge staff (a role covering a
// point's unit) see the conference and only their own points. Neither: 404.

export interface ConferenceAccess {
  row: repo.ConferenceRow;
  orgRole?: Role;
  isOrganiser: boolean;
}

export async function conferenceAccess(db: DbOrTrx, actor: Actor, id: string): Promise<ConferenceAccess> {
  const row = await repo.findConference(db, id);
  if (!row) {
    throw notFound('Hội nghị');
  }
  const orgRole = actor.scope.roleAt(row.unit_path);
  if (orgRole) {
    return { row, orgRole, isOrganiser: true };
  }
  if (!(await repo.hasBridgeInScope(db, id, actor.scope.sqlContains(sql`u.path`)))) {
    throw notFound('Hội nghị');
  }
  return { row, isOrganiser: false };
}

export function assertOrganiser(access: ConferenceAccess, role: Role = 'editor'): void {
  if (!access.orgRole || !isRoleAtLeast(access.orgRole, role)) {
    throw forbidden(
      role === 'viewer'
        ? 'Chỉ đơn vị tổ chức hội nghị mới xem được toàn bộ các điểm cầu.'
        : 'Chỉ người nhập liệu trở lên của đơn vị tổ chức mới được thay đổi hội nghị.',
    );
  }
}

export interface BridgeAccess {
  bridge: repo.BridgeAccessRow;
  isOrganiser: boolean;
  canEdit: boolean;
}

export async function bridgeAccess(
  db: DbOrTrx,
  actor: Actor,
  conferenceId: string,
  bridgeId: string,
  minRole: Role,
): Promise<BridgeAccess> {
  const bridge = await repo.findBridge(db, conferenceId, bridgeId);
  if (!bridge) {
    throw notFound('Điểm cầu');
  }
  const orgRole = actor.scope.roleAt(bridge.conference_unit_path);
  const best = maxRole(orgRole, actor.scope.roleAt(bridge.unit_path));
  if (!best) {
    throw notFound('Điểm cầu');
  }
  if (!isRoleAtLeast(best, minRole)) {
    throw forbidden('Chỉ cán bộ nhập liệu của điểm cầu hoặc đơn vị tổ chức mới được thay đổi điểm cầu này.');
  }
  return { bridge, isOrganiser: Boolean(orgRole), canEdit: isRoleAtLeast(best, 'editor') };
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping

function summaryOf(
  row: repo.ConferenceRow | Awaited<ReturnType<typeof repo.listConferences>>[number],
  isOrganiser: boolean,
) {
  return {
    id: row.id,
    title: row.title,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    campaign: row.campaign_id ? { id: row.campaign_id, code: row.campaign_code!, title: row.campaign_title! } : null,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    mode: row.mode as ConferenceMode,
    hostPlace: row.host_place,
    bridgesCount: row.bridges_count ?? 0,
    isOrganiser,
  };
}

export function bridgeOf(row: repo.BridgeRow | repo.BridgeAccessRow) {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, kind: row.unit_kind },
    place: row.place,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    expected: row.expected_attendance,
    status: row.status as BridgeStatus,
    statusAt: iso(row.status_at),
    problemNote: row.problem_note,
    checkedIn: row.checked_in_count,
    rosterCount: row.roster_count ?? 0,
    headCount: row.head_count,
    present: presentOf({ checkedIn: row.checked_in_count, headCount: row.head_count }),
    version: row.version,
  };
}

type BridgeState = {
  id: string;
  place: string | null;
  status: string;
  status_at: Date | string;
  problem_note: string | null;
  expected_attendance: number;
  checked_in_count: number;
  head_count: number | null;
  version: number;
};

export function updateOf(row: BridgeState): BridgeUpdate {
  return {
    id: row.id,
    place: row.place,
    status: row.status as BridgeStatus,
    statusAt: iso(row.status_at),
    problemNote: row.problem_note,
    expected: row.expected_attendance,
    checkedIn: row.checked_in_count,
    headCount: row.head_count,
    present: presentOf({ checkedIn: row.checked_in_count, headCount: row.head_count }),
    version: row.version,
  };
}

/** The QR token shows to those who may check people in (they print the invitations anyway), never to viewers. */
export function attendeeOf(row: repo.AttendeeRow, showToken = true) {
  return {
    id: row.id,
    bridgeId: row.bridge_id,
    fullName: row.full_name,
    position: row.position,
    organisation: row.organisation,
    category: row.category_id ? { id: row.category_id, code: row.category_code!, name: row.category_name! } : null,
    isWalkIn: row.is_walk_in,
    checkedInAt: row.checked_in_at ? iso(row.checked_in_at) : null,
    token: showToken ? row.token : null,
    version: row.version,
  };
}

/** Writes inside one transaction, then tells the boards once it committed. */
export async function withEvents<T>(
  deps: ConferenceDeps,
  work: (trx: DbOrTrx, emit: (event: Omit<BoardEvent, 'seq'>) => void) => Promise<T>,
): Promise<T> {
  let staged: BoardEvent[] = [];
  const result = await inTransaction(deps.db, async (trx) => {
    const events: Omit<BoardEvent, 'seq'>[] = [];
    const value = await work(trx, (event) => events.push(event));
    staged = await deps.hub.stage(trx, events);
    return value;
  });
  deps.hub.committed(staged);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Conferences

export async function listConferences(db: Db, actor: Actor, query: { from?: string; to?: string }) {
  const rows = await repo.listConferences(db, actor.scope, query.from, query.to);
  return { items: rows.map((row) => summaryOf(row, Boolean(actor.scope.roleAt(row.unit_path)))) };
}

export async function getConference(deps: ConferenceDeps, actor: Actor, id: string) {
  const { db } = deps;
  const access = await conferenceAccess(db, actor, id);
  const { row } = access;
  const agenda = await repo.agendaItems(db, id);
  const mine = access.isOrganiser ? [] : await repo.listBridges(db, id, actor.scope.sqlContains(sql`u.path`));
  const canEdit = Boolean(access.orgRole && isRoleAtLeast(access.orgRole, 'editor'));
  return {
    ...summaryOf(row, access.isOrganiser),
    meetingUrl: row.meeting_url,
    video: { jitsiUrl: deps.config.jitsiUrl ?? null, roomName: row.room_name },
    minutes: row.minutes,
    conclusions: row.conclusions,
    agenda: agenda.map((item) => ({
      id: item.id,
      position: item.position,
      startsAt: item.starts_at,
      title: item.title,
      presenter: item.presenter,
      presenterPosition: item.presenter_position,
      documentsCount: item.documents_count ?? 0,
      version: item.version,
    })),
    documentsCount: await repo.documentsCount(db, 'conference', id),
    myBridges: mine.map((b) => ({ id: b.id, unit: { id: b.unit_id, code: b.unit_code, name: b.unit_name } })),
    abilities: { canEdit, canInvite: canEdit, canWatchBoard: access.isOrganiser },
    version: row.version,
  };
}

async function checkCampaign(db: DbOrTrx, actor: Actor, campaignId: string | null | undefined) {
  if (campaignId && !(await isCampaignVisible(db, actor, campaignId))) {
    throw validationFailed('Văn bản chỉ đạo không tồn tại trong phạm vi của bạn.', [
      { path: 'body.campaignId', message: 'Văn bản chỉ đạo không tồn tại trong phạm vi của bạn.' },
    ]);
  }
}

function checkTimes(startsAt: string | Date, endsAt: string | Date) {
  if (new Date(endsAt) <= new Date(startsAt)) {
    throw validationFailed('Giờ kết thúc phải sau giờ bắt đầu.', [
      { path: 'body.endsAt', message: 'Giờ kết thúc phải sau giờ bắt đầu.' },
    ]);
  }
}

export async function createConference(deps: ConferenceDeps, actor: Actor, input: CreateConferenceInput) {
  const { db } = deps;
  await assertUnitAccess(db, actor, input.unitId, 'editor');
  await checkCampaign(db, actor, input.campaignId);
  checkTimes(input.startsAt, input.endsAt);
  const id = await inTransaction(db, async (trx) => {
    const created = await trx
      .insertInto('conference')
      .values({
        title: input.title,
        campaign_id: input.campaignId ?? null,
        unit_id: input.unitId,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        mode: input.mode,
        host_place: input.hostPlace,
        meeting_url: input.meetingUrl ?? null,
        room_name: `LanToa-${crypto.randomBytes(9).toString('base64url')}`,
        minutes: null,
        conclusions: null,
        news_text: null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'conference.create',
      entityType: 'conference',
      entityId: created.id,
      unitId: input.unitId,
      summary: `Tạo hội nghị "${input.title}"`,
      after: input,
    });
    return created.id;
  });
  return getConference(deps, actor, id);
}

export async function updateConference(deps: ConferenceDeps, actor: Actor, id: string, input: UpdateConferenceInput) {
  const { db } = deps;
  await inTransaction(db, async (trx) => {
    const access = await conferenceAccess(trx, actor, id);
    assertOrganiser(access);
    const { row } = access;
    const stored = {
      title: row.title,
      campaignId: row.campaign_id,
      startsAt: iso(row.starts_at),
      endsAt: iso(row.ends_at),
      mode: row.mode,
      hostPlace: row.host_place,
      meetingUrl: row.meeting_url,
      minutes: row.minutes,
      conclusions: row.conclusions,
      version: row.version,
    };
    assertVersion(stored, input, {
      title: 'Tên hội nghị',
      startsAt: 'Giờ bắt đầu',
      endsAt: 'Giờ kết thúc',
      minutes: 'Biên bản',
      conclusions: 'Kết luận',
    });
    if (input.campaignId !== undefined) {
      await checkCampaign(trx, actor, input.campaignId);
    }
    checkTimes(input.startsAt ?? row.starts_at, input.endsAt ?? row.ends_at);
    const { version: _v, ...changes } = input;
    await trx
      .updateTable('conference')
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.campaignId !== undefined ? { campaign_id: changes.campaignId } : {}),
        ...(changes.startsAt !== undefined ? { starts_at: changes.startsAt } : {}),
        ...(changes.endsAt !== undefined ? { ends_at: changes.endsAt } : {}),
        ...(changes.mode !== undefined ? { mode: changes.mode } : {}),
        ...(changes.hostPlace !== undefined ? { host_place: changes.hostPlace } : {}),
        ...(changes.meetingUrl !== undefined ? { meeting_url: changes.meetingUrl } : {}),
        ...(changes.minutes !== undefined ? { minutes: changes.minutes } : {}),
        ...(changes.conclusions !== undefined ? { conclusions: changes.conclusions } : {}),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'conference.update',
      entityType: 'conference',
      entityId: id,
      unitId: row.unit_id,
      summary: `Sửa hội nghị "${row.title}"`,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, stored[k as keyof typeof stored]])),
      after: changes,
    });
  });
  return getConference(deps, actor, id);
}

export async function deleteConference(deps: ConferenceDeps, actor: Actor, id: string) {
  await inTransaction(deps.db, async (trx) => {
    const access = await conferenceAccess(trx, actor, id);
    assertOrganiser(access, 'manager');
    await trx.deleteFrom('conference').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'conference.delete',
      entityType: 'conference',
      entityId: id,
      unitId: access.row.unit_id,
      summary: `Xóa hội nghị "${access.row.title}"`,
      before: { title: access.row.title, bridges: access.row.bridges_count },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Agenda

export async function addAgendaItem(deps: ConferenceDeps, actor: Actor, id: string, input: AgendaItemInput) {
  await inTransaction(deps.db, async (trx) => {
    const access = await conferenceAccess(trx, actor, id);
    assertOrganiser(access);
    const last = await trx
      .selectFrom('conference_agenda_item')
      .select(sql<number>`coalesce(max(position), 0)::int`.as('n'))
      .where('conference_id', '=', id)
      .executeTakeFirstOrThrow();
    const item = await trx
      .insertInto('conference_agenda_item')
      .values({
        conference_id: id,
        position: input.position ?? last.n + 10,
        starts_at: input.startsAt,
        title: input.title,
        presenter: input.presenter,
        presenter_position: input.presenterPosition,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'conference.agenda.create',
      entityType: 'conference_agenda_item',
      entityId: item.id,
      unitId: access.row.unit_id,
      summary: `Thêm vào chương trình hội nghị "${access.row.title}": ${input.title}`,
      after: input,
    });
  });
  return getConference(deps, actor, id);
}

export async function updateAgendaItem(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  itemId: string,
  input: UpdateAgendaItemInput,
) {
  await inTransaction(deps.db, async (trx) => {
    const access = await conferenceAccess(trx, actor, id);
    assertOrganiser(access);
    const item = await trx
      .selectFrom('conference_agenda_item')
      .selectAll()
      .where('id', '=', itemId)
      .where('conference_id', '=', id)
      .executeTakeFirst();
    if (!item) {
      throw notFound('Mục chương trình');
    }
    const stored = {
      startsAt: item.starts_at,
      title: item.title,
      presenter: item.presenter,
      presenterPosition: item.presenter_position,
      position: item.position,
      version: item.version,
    };
    assertVersion(stored, input, { title: 'Nội dung', presenter: 'Người trình bày' });
    await trx
      .updateTable('conference_agenda_item')
      .set({
        ...(input.startsAt !== undefined ? { starts_at: input.startsAt } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.presenter !== undefined ? { presenter: input.presenter } : {}),
        ...(input.presenterPosition !== undefined ? { presenter_position: input.presenterPosition } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        version: item.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', itemId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'conference.agenda.update',
      entityType: 'conference_agenda_item',
      entityId: itemId,
      unitId: access.row.unit_id,
      summary: `Sửa chương trình hội nghị "${access.row.title}": ${input.title ?? item.title}`,
      before: stored,
      after: input,
    });
  });
  return getConference(deps, actor, id);
}

export async function deleteAgendaItem(deps: ConferenceDeps, actor: Actor, id: string, itemId: string) {
  await inTransaction(deps.db, async (trx) => {
    const access = await conferenceAccess(trx, actor, id);
    assertOrganiser(access);
    const item = await trx
      .deleteFrom('conference_agenda_item')
      .where('id', '=', itemId)
      .where('conference_id', '=', id)
      .returning(['title'])
      .executeTakeFirst();
    if (!item) {
      throw notFound('Mục chương trình');
    }
    await recordAudit(trx, actor, {
      action: 'conference.agenda.delete',
      entityType: 'conference_agenda_item',
      entityId: itemId,
      unitId: access.row.unit_id,
      summary: `Bỏ khỏi chương trình hội nghị "${access.row.title}": ${item.title}`,
      before: item,
    });
  });
  return getConference(deps, actor, id);
}

// ---------------------------------------------------------------------------------------------------------------
// The live board

export function sortBoard(bridges: BoardBridge[]): BoardBridge[] {
  return bridges.sort(
    (a, b) =>
      BRIDGE_STATUS_BOARD_ORDER[a.status] - BRIDGE_STATUS_BOARD_ORDER[b.status] ||
      compareVietnamese(a.unitName, b.unitName),
  );
}

export async function getBoard(deps: ConferenceDeps, actor: Actor, id: string, lastEventId: string) {
  const access = await conferenceAccess(deps.db, actor, id);
  assertOrganiser(access, 'viewer');
  return loadBoard(deps.db, id, access.row.title, lastEventId);
}

/** The board's rows and totals, for a caller already allowed to watch it. */
export async function loadBoard(db: DbOrTrx, id: string, title: string, lastEventId: string) {
  const rows = await repo.listBridges(db, id, undefined, { withRoster: false });
  const bridges = sortBoard(
    rows.map((row) => ({
      unitId: row.unit_id,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      ...updateOf(row),
    })),
  );
  return { conferenceId: id, title, lastEventId, bridges, totals: boardTotals(bridges) };
}

/** The board may be watched by the organiser only (it lists every point). */
export async function assertCanWatch(db: DbOrTrx, actor: Actor, id: string): Promise<{ title: string }> {
  const access = await conferenceAccess(db, actor, id);
  assertOrganiser(access, 'viewer');
  return { title: access.row.title };
}

export const __forTests = { maxRole };

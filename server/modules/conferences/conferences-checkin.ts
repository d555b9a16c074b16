import crypto from 'node:crypto';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { AppError, notFound, validationFailed } from '../../platform/errors';
import { inTransaction, type DbOrTrx } from '../../db/connection';
import * as repo from './conferences.repository';
import type { AttendeeInput, UpdateAttendeeInput } from './conferences.schemas';
import { attendeeOf, bridgeAccess, updateOf, withEvents, type ConferenceDeps } from './conferences.service';

/**
 * A bridge point's roster and its check-ins: the people invited (each with a QR token for the invitation), walk-ins,
 * and the check-in itself — by QR token or from the list, the hot path of a conference morning (one statement,
 * `checkInOne`). Access and board events as in `conferences.service.ts`.
 */

export function newToken(): string {
  return crypto.randomBytes(16).toString('base64url');
}

export async function listAttendees(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  query: { search?: string; limit: number },
) {
  const { canEdit } = await bridgeAccess(deps.db, actor, id, bridgeId, 'viewer');
  const [rows, total] = await Promise.all([
    repo.attendees(deps.db, bridgeId, query.search, query.limit),
    repo.countAttendees(deps.db, bridgeId, query.search),
  ]);
  return { items: rows.map((row) => attendeeOf(row, canEdit)), total };
}

async function checkCategory(db: DbOrTrx, categoryId: string | null | undefined) {
  if (!categoryId) {
    return;
  }
  const found = await db
    .selectFrom('conference_roster_category')
    .select('id')
    .where('id', '=', categoryId)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!found) {
    throw validationFailed('Thành phần không có trong danh mục.', [
      { path: 'body.categoryId', message: 'Thành phần không có trong danh mục.' },
    ]);
  }
}

export async function addAttendee(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  input: AttendeeInput,
) {
  return withEvents(deps, async (trx, emit) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    await checkCategory(trx, input.categoryId);
    const created = await trx
      .insertInto('conference_attendee')
      .values({
        bridge_id: bridgeId,
        full_name: input.fullName,
        position: input.position,
        organisation: input.organisation,
        category_id: input.categoryId ?? null,
        token: newToken(),
        is_walk_in: input.isWalkIn,
        checked_in_at: input.isWalkIn ? new Date() : null,
        checked_in_by: input.isWalkIn ? actor.userId : null,
        sort_order: await repo.rosterCount(trx, bridgeId),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: input.isWalkIn ? 'conference.attendee.walk_in' : 'conference.attendee.create',
      entityType: 'conference_attendee',
      entityId: created.id,
      unitId: bridge.unit_id,
      summary: `${input.isWalkIn ? 'Đại biểu đến trực tiếp' : 'Thêm đại biểu'} tại điểm cầu ${bridge.unit_name}: ${input.fullName}`,
      after: input,
    });
    if (input.isWalkIn) {
      emit({ conferenceId: id, bridge: updateOf(await repo.bumpCheckedIn(trx, bridgeId, 1)) });
    }
    return attendeeOf((await repo.findAttendee(trx, bridgeId, created.id))!);
  });
}

export async function updateAttendee(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  attendeeId: string,
  input: UpdateAttendeeInput,
) {
  return inTransaction(deps.db, async (trx) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    const row = await repo.findAttendee(trx, bridgeId, attendeeId);
    if (!row) {
      throw notFound('Đại biểu');
    }
    const stored = {
      fullName: row.full_name,
      position: row.position,
      organisation: row.organisation,
      categoryId: row.category_id,
      version: row.version,
    };
    assertVersion(stored, input, { fullName: 'Họ và tên', position: 'Chức vụ', organisation: 'Cơ quan' });
    if (input.categoryId !== undefined) {
      await checkCategory(trx, input.categoryId);
    }
    await trx
      .updateTable('conference_attendee')
      .set({
        ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        ...(input.organisation !== undefined ? { organisation: input.organisation } : {}),
        ...(input.categoryId !== undefined ? { category_id: input.categoryId } : {}),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', attendeeId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'conference.attendee.update',
      entityType: 'conference_attendee',
      entityId: attendeeId,
      unitId: bridge.unit_id,
      summary: `Sửa đại biểu tại điểm cầu ${bridge.unit_name}: ${input.fullName ?? row.full_name}`,
      before: stored,
      after: input,
    });
    return attendeeOf((await repo.findAttendee(trx, bridgeId, attendeeId))!);
  });
}

export async function deleteAttendee(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  attendeeId: string,
) {
  await withEvents(deps, async (trx, emit) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    const row = await trx
      .deleteFrom('conference_attendee')
      .where('id', '=', attendeeId)
      .where('bridge_id', '=', bridgeId)
      .returning(['full_name', 'checked_in_at'])
      .executeTakeFirst();
    if (!row) {
      throw notFound('Đại biểu');
    }
    await recordAudit(trx, actor, {
      action: 'conference.attendee.delete',
      entityType: 'conference_attendee',
      entityId: attendeeId,
      unitId: bridge.unit_id,
      summary: `Bỏ đại biểu khỏi danh sách điểm cầu ${bridge.unit_name}: ${row.full_name}`,
      before: row,
    });
    if (row.checked_in_at) {
      emit({ conferenceId: id, bridge: updateOf(await repo.bumpCheckedIn(trx, bridgeId, -1)) });
    }
  });
}

/**
 * Checks one person in (by the QR token on their invitation, or by id after a name search). A second scan answers
 * the first time and changes nothing. One statement checks the caller's reach, checks the person in, moves the
 * point's counter and writes the audit entry (each check-in of a conference morning is one round trip); when it finds
 * nothing, the usual access check tells the caller why. The boards hear of it once it committed.
 */
export async function checkIn(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  by: { token: string } | { attendeeId: string },
) {
  const row = await repo.checkInOne(
    deps.db,
    { conferenceId: id, bridgeId, match: by, canEdit: (path) => actor.scope.sqlContains(path, 'editor') },
    {
      userId: actor.userId,
      requestId: actor.requestId ?? null,
      ip: actor.ip ?? null,
      summarySuffix: 'token' in by ? ' (mã QR)' : '',
    },
  );
  if (!row) {
    // Out of reach (404) or without the role (403); in reach, nobody of this point matches.
    const { bridge } = await bridgeAccess(deps.db, actor, id, bridgeId, 'editor');
    throw 'token' in by
      ? new AppError('NOT_FOUND', `Mã QR này không phải giấy mời của điểm cầu ${bridge.unit_name}.`)
      : notFound('Đại biểu');
  }
  if (row.is_new) {
    deps.hub.committed([
      {
        conferenceId: id,
        seq: row.b_seq!,
        bridge: updateOf({
          id: bridgeId,
          place: row.b_place,
          status: row.b_status!,
          status_at: row.b_status_at!,
          problem_note: row.b_problem_note,
          expected_attendance: row.b_expected_attendance!,
          checked_in_count: row.b_checked_in_count!,
          head_count: row.b_head_count,
          version: row.b_version!,
        }),
      },
    ]);
  }
  return { attendee: attendeeOf(row), alreadyCheckedIn: !row.is_new };
}

export async function undoCheckIn(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  attendeeId: string,
) {
  return withEvents(deps, async (trx, emit) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    const row = await repo.findAttendee(trx, bridgeId, attendeeId);
    if (!row) {
      throw notFound('Đại biểu');
    }
    if (row.checked_in_at) {
      await trx
        .updateTable('conference_attendee')
        .set({ checked_in_at: null, checked_in_by: null, updated_at: new Date() })
        .where('id', '=', attendeeId)
        .execute();
      await recordAudit(trx, actor, {
        action: 'conference.attendee.undo_check_in',
        entityType: 'conference_attendee',
        entityId: attendeeId,
        unitId: bridge.unit_id,
        summary: `Hủy điểm danh tại điểm cầu ${bridge.unit_name}: ${row.full_name}`,
      });
      emit({ conferenceId: id, bridge: updateOf(await repo.bumpCheckedIn(trx, bridgeId, -1)) });
    }
    return attendeeOf((await repo.findAttendee(trx, bridgeId, attendeeId))!);
  });
}

import { sql } from 'kysely';
import { BRIDGE_STATUS_LABELS } from '../../../common/conferences';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { AppError, notFound, validationFailed } from '../../platform/errors';
import * as repo from './conferences.repository';
import type { InviteInput, StatusInput, UpdateBridgeInput } from './conferences.schemas';
import {
  assertOrganiser,
  bridgeAccess,
  bridgeOf,
  conferenceAccess,
  conferenceDay,
  iso,
  updateOf,
  withEvents,
  type ConferenceDeps,
} from './conferences.service';

/**
 * A conference's bridge points: invited one by one or every unit of a kind under a unit, each with its place, contact,
 * expected attendance, status (with the time of each change) and head count. Access and board events as in
 * `conferences.service.ts`.
 */

export async function listBridges(deps: ConferenceDeps, actor: Actor, id: string) {
  const access = await conferenceAccess(deps.db, actor, id);
  const rows = await repo.listBridges(
    deps.db,
    id,
    access.isOrganiser ? undefined : actor.scope.sqlContains(sql`u.path`),
  );
  return { items: rows.map(bridgeOf) };
}

/**
 * Invites units as bridge points: listed ones, and/or every unit of a kind under a unit, valid on the conference
 * day. Units already invited are left as they are. Each listed unit must exist on that day; the organiser needs no
 * role over them (a province invites its communes, a national conference the provinces).
 */
export async function inviteBridges(deps: ConferenceDeps, actor: Actor, id: string, input: InviteInput) {
  return withEvents(deps, async (trx, emit) => {
    const access = await conferenceAccess(trx, actor, id);
    assertOrganiser(access);
    const day = conferenceDay(access.row.starts_at);
    const targets = new Map<string, string>();
    const listed = await repo.unitsByIds(trx, input.unitIds ?? []);
    const found = new Map(listed.map((u) => [u.id, u]));
    const details = (input.unitIds ?? []).flatMap((unitId, index) => {
      const unit = found.get(unitId);
      if (!unit) {
        return [{ path: `body.unitIds.${index}`, message: 'Đơn vị không tồn tại.' }];
      }
      if (unit.valid_from > day || (unit.valid_to !== null && unit.valid_to < day)) {
        return [{ path: `body.unitIds.${index}`, message: `${unit.name} không hoạt động vào ngày diễn ra hội nghị.` }];
      }
      targets.set(unit.id, unit.path);
      return [];
    });
    if (details.length > 0) {
      throw validationFailed(details[0].message, details);
    }
    if (input.under) {
      const root = await repo.unitsByIds(trx, [input.under.unitId]);
      if (root.length === 0) {
        throw validationFailed('Đơn vị cấp trên không tồn tại.', [
          { path: 'body.under.unitId', message: 'Đơn vị cấp trên không tồn tại.' },
        ]);
      }
      for (const unit of await repo.unitsOfKindUnder(trx, root[0].path, input.under.kind, day)) {
        targets.set(unit.id, unit.path);
      }
    }
    const ids = [...targets.keys()];
    let invited = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const inserted = await trx
        .insertInto('conference_bridge')
        .values(
          ids.slice(i, i + 1000).map((unitId) => ({
            conference_id: id,
            unit_id: unitId,
            expected_attendance: input.expected ?? 0,
            created_by: actor.userId,
          })),
        )
        .onConflict((oc) => oc.columns(['conference_id', 'unit_id']).doNothing())
        .returning('id')
        .execute();
      if (inserted.length > 0) {
        await trx
          .insertInto('conference_bridge_status')
          .values(inserted.map((b) => ({ bridge_id: b.id, status: 'invited', user_id: actor.userId, note: null })))
          .execute();
      }
      invited += inserted.length;
    }
    await recordAudit(trx, actor, {
      action: 'conference.bridge.invite',
      entityType: 'conference',
      entityId: id,
      unitId: access.row.unit_id,
      summary: `Mời ${invited} điểm cầu dự hội nghị "${access.row.title}"`,
      after: { ...input, invited, alreadyInvited: ids.length - invited },
    });
    if (invited > 0) {
      emit({ conferenceId: id, reload: true });
    }
    return { invited, alreadyInvited: ids.length - invited };
  });
}

export async function getBridge(deps: ConferenceDeps, actor: Actor, id: string, bridgeId: string) {
  const access = await bridgeAccess(deps.db, actor, id, bridgeId, 'viewer');
  const [history, rosterCount] = await Promise.all([
    repo.bridgeHistory(deps.db, bridgeId),
    repo.rosterCount(deps.db, bridgeId),
  ]);
  return {
    ...bridgeOf({ ...access.bridge, roster_count: rosterCount }),
    history: history.map((h) => ({ status: h.status, note: h.note, at: iso(h.at), by: h.by })),
    abilities: { canEdit: access.canEdit, isOrganiser: access.isOrganiser },
  };
}

export async function updateBridge(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  input: UpdateBridgeInput,
) {
  await withEvents(deps, async (trx, emit) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    const stored = {
      place: bridge.place,
      contactName: bridge.contact_name,
      contactPhone: bridge.contact_phone,
      expected: bridge.expected_attendance,
      version: bridge.version,
    };
    assertVersion(stored, input, {
      place: 'Địa điểm',
      contactName: 'Người liên hệ',
      contactPhone: 'Số điện thoại',
      expected: 'Số người dự kiến',
    });
    const updated = await repo.updateBridge(trx, bridgeId, bridge.version, {
      ...(input.place !== undefined ? { place: input.place } : {}),
      ...(input.contactName !== undefined ? { contact_name: input.contactName } : {}),
      ...(input.contactPhone !== undefined ? { contact_phone: input.contactPhone } : {}),
      ...(input.expected !== undefined ? { expected_attendance: input.expected } : {}),
    });
    await recordAudit(trx, actor, {
      action: 'conference.bridge.update',
      entityType: 'conference_bridge',
      entityId: bridgeId,
      unitId: bridge.unit_id,
      summary: `Sửa thông tin điểm cầu ${bridge.unit_name}`,
      before: stored,
      after: input,
    });
    emit({ conferenceId: id, bridge: updateOf(updated) });
  });
  return getBridge(deps, actor, id, bridgeId);
}

export async function removeBridge(deps: ConferenceDeps, actor: Actor, id: string, bridgeId: string) {
  await withEvents(deps, async (trx, emit) => {
    const access = await conferenceAccess(trx, actor, id);
    assertOrganiser(access);
    const bridge = await repo.findBridge(trx, id, bridgeId);
    if (!bridge) {
      throw notFound('Điểm cầu');
    }
    if (bridge.checked_in_count > 0) {
      throw new AppError(
        'INVALID_STATE',
        `Điểm cầu ${bridge.unit_name} đã có ${bridge.checked_in_count} người điểm danh; không thể bỏ khỏi hội nghị.`,
      );
    }
    await trx.deleteFrom('conference_bridge').where('id', '=', bridgeId).execute();
    await recordAudit(trx, actor, {
      action: 'conference.bridge.remove',
      entityType: 'conference_bridge',
      entityId: bridgeId,
      unitId: bridge.unit_id,
      summary: `Bỏ điểm cầu ${bridge.unit_name} khỏi hội nghị "${access.row.title}"`,
      before: bridgeOf(bridge),
    });
    emit({ conferenceId: id, reload: true });
  });
}

export async function setBridgeStatus(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  input: StatusInput,
) {
  await withEvents(deps, async (trx, emit) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    assertVersion(
      { status: bridge.status, version: bridge.version },
      { version: input.version, status: input.status },
      {
        status: 'Trạng thái',
      },
    );
    const updated = await repo.updateBridge(trx, bridgeId, bridge.version, {
      status: input.status,
      status_at: new Date(),
      problem_note: input.status === 'problem' || input.status === 'disconnected' ? input.note : null,
    });
    await trx
      .insertInto('conference_bridge_status')
      .values({ bridge_id: bridgeId, status: input.status, note: input.note, user_id: actor.userId })
      .execute();
    await recordAudit(trx, actor, {
      action: 'conference.bridge.status',
      entityType: 'conference_bridge',
      entityId: bridgeId,
      unitId: bridge.unit_id,
      summary: `Điểm cầu ${bridge.unit_name}: ${BRIDGE_STATUS_LABELS[input.status].vi}${input.note ? ` — ${input.note}` : ''}`,
      before: { status: bridge.status },
      after: { status: input.status, note: input.note },
    });
    emit({ conferenceId: id, bridge: updateOf(updated) });
  });
  return getBridge(deps, actor, id, bridgeId);
}

export async function setHeadCount(
  deps: ConferenceDeps,
  actor: Actor,
  id: string,
  bridgeId: string,
  input: { headCount: number | null; version: number },
) {
  await withEvents(deps, async (trx, emit) => {
    const { bridge } = await bridgeAccess(trx, actor, id, bridgeId, 'editor');
    assertVersion({ headCount: bridge.head_count, version: bridge.version }, input, { headCount: 'Số người có mặt' });
    const updated = await repo.updateBridge(trx, bridgeId, bridge.version, {
      head_count: input.headCount,
      head_count_at: input.headCount === null ? null : new Date(),
    });
    await recordAudit(trx, actor, {
      action: 'conference.bridge.head_count',
      entityType: 'conference_bridge',
      entityId: bridgeId,
      unitId: bridge.unit_id,
      summary: `Điểm cầu ${bridge.unit_name}: đếm được ${input.headCount ?? '(bỏ số đếm)'} người`,
      before: { headCount: bridge.head_count },
      after: { headCount: input.headCount },
    });
    emit({ conferenceId: id, bridge: updateOf(updated) });
  });
  return getBridge(deps, actor, id, bridgeId);
}

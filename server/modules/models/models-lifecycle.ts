import { formatDateVi, todayIso } from '../../../common/dates';
import { MODEL_STATUS_LABELS, RECOGNITION_LEVEL_LABELS, type ModelStatus } from '../../../common/models';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { assertVersion } from '../../platform/concurrency';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import * as links from './models-links.repository';
import * as repo from './models.repository';
import { checkDecision, unitForRecord } from './models-refs';
import { auditModel, checkStepDate, getModel, invalidState, loadVisibleModel } from './models.service';
import type { AddReplicationInput, ArchiveInput, ModelDetail, RecogniseInput } from './models.schemas';

// The life of a model: proposed → recognised → replicated, and archived from any state (issue 3).

const statusName = (status: string) => MODEL_STATUS_LABELS[status as ModelStatus]?.vi.toLowerCase() ?? status;

/**
 * Recognises a proposed model at a level, on a date, with the commendation decision when there is one. Needs a
 * manager on the model's unit or a unit above it.
 */
export async function recogniseModel(db: Db, actor: Actor, id: string, input: RecogniseInput): Promise<ModelDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadVisibleModel(trx, actor, id, true);
    if (!actor.scope.can(row.unit_path, 'manager')) {
      throw forbidden('Chỉ quản lý của đơn vị hoặc cấp trên mới được công nhận mô hình.');
    }
    if (row.status !== 'proposed') {
      throw invalidState(
        row.status === 'archived'
          ? 'Mô hình đã lưu trữ; không thể công nhận.'
          : `Mô hình đã được công nhận${row.recognised_on ? ` ngày ${formatDateVi(row.recognised_on)}` : ''}; không công nhận lại.`,
      );
    }
    assertVersion({ version: row.version }, { version: input.version });
    checkStepDate('body.recognisedOn', input.recognisedOn, row.started_on, 'Ngày công nhận');
    await checkDecision(trx, actor, input.decisionId);
    const committee = await repo.findCommitteeAbove(trx, row.unit_path, input.level);
    await repo.updateModel(trx, id, row.version, {
      status: 'recognised',
      recognised_level: input.level,
      recognised_on: input.recognisedOn,
      recognised_unit_id: committee?.id ?? null,
      recognised_decision_id: input.decisionId ?? null,
    });
    await links.insertStatusChanges(trx, [
      {
        model_id: id,
        from_status: 'proposed',
        to_status: 'recognised',
        effective_on: input.recognisedOn,
        user_id: actor.userId,
        note: input.note ?? `Công nhận ${RECOGNITION_LEVEL_LABELS[input.level].vi.toLowerCase()}`,
        decision_id: input.decisionId ?? null,
      },
    ]);
    await auditModel(trx, actor, row, {
      action: 'model.recognise',
      summary: `Công nhận mô hình "${row.title}" ${RECOGNITION_LEVEL_LABELS[input.level].vi.toLowerCase()} ngày ${formatDateVi(input.recognisedOn)}`,
      before: { status: row.status },
      after: {
        status: 'recognised',
        level: input.level,
        recognisedOn: input.recognisedOn,
        decisionId: input.decisionId ?? null,
        note: input.note,
      },
    });
  });
  return getModel(db, actor, id);
}

/**
 * Records that a unit took the model up, from a date. Needs an editor of that unit (or a manager above it); the first
 * replicating unit moves the model from recognised to replicated.
 */
export async function addReplication(
  db: Db,
  actor: Actor,
  id: string,
  input: AddReplicationInput,
): Promise<ModelDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadVisibleModel(trx, actor, id, true);
    if (row.status === 'proposed' || row.status === 'archived') {
      throw invalidState(
        row.status === 'proposed'
          ? 'Mô hình chưa được công nhận; chỉ nhân rộng mô hình đã công nhận.'
          : 'Mô hình đã lưu trữ; không thể thêm đơn vị nhân rộng.',
      );
    }
    checkStepDate('body.startedOn', input.startedOn, row.started_on, 'Ngày bắt đầu nhân rộng');
    const unit = await unitForRecord(trx, actor, input.unitId, input.startedOn, 'body.unitId');
    if (unit.id === row.unit_id) {
      const message = 'Đơn vị nhân rộng phải khác đơn vị xây dựng mô hình.';
      throw validationFailed(message, [{ path: 'body.unitId', message }]);
    }
    const existing = (await links.listReplications(trx, id)).find((r) => r.unit_id === unit.id);
    if (existing) {
      const message = `${existing.unit_name} đã nhân rộng mô hình này từ ngày ${formatDateVi(existing.started_on)}.`;
      throw conflict(message, [{ path: 'body.unitId', message }]);
    }
    await links.insertReplications(trx, [
      { model_id: id, unit_id: unit.id, started_on: input.startedOn, note: input.note, created_by: actor.userId },
    ]);
    if (row.status === 'recognised') {
      await repo.updateModel(trx, id, row.version, { status: 'replicated' });
      await links.insertStatusChanges(trx, [
        {
          model_id: id,
          from_status: 'recognised',
          to_status: 'replicated',
          effective_on: input.startedOn,
          user_id: actor.userId,
          note: `${unit.name} nhân rộng mô hình`,
        },
      ]);
    }
    await auditModel(trx, actor, row, {
      action: 'model.replicate',
      summary: `${unit.name} nhân rộng mô hình "${row.title}" từ ngày ${formatDateVi(input.startedOn)}`,
      before: { status: row.status },
      after: {
        status: 'replicated',
        unitId: unit.id,
        unitCode: unit.code,
        startedOn: input.startedOn,
        note: input.note,
      },
    });
  });
  return getModel(db, actor, id);
}

/** Removes a replicating unit (entered by mistake); without any left the model goes back to recognised. */
export async function removeReplication(db: Db, actor: Actor, id: string, replicationId: string): Promise<ModelDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadVisibleModel(trx, actor, id, true);
    const replications = await links.listReplications(trx, id);
    const target = replications.find((r) => r.id === replicationId);
    if (!target) {
      throw notFound('Đơn vị nhân rộng');
    }
    if (!actor.scope.can(target.unit_path, 'editor')) {
      throw forbidden(`Bạn không có quyền nhập liệu cho ${target.unit_name}.`);
    }
    if (row.status === 'archived') {
      throw invalidState('Mô hình đã lưu trữ; không sửa danh sách đơn vị nhân rộng.');
    }
    await links.deleteReplication(trx, replicationId);
    if (replications.length === 1 && row.status === 'replicated') {
      await repo.updateModel(trx, id, row.version, { status: 'recognised' });
      await links.insertStatusChanges(trx, [
        {
          model_id: id,
          from_status: 'replicated',
          to_status: 'recognised',
          effective_on: todayIso(),
          user_id: actor.userId,
          note: `Bỏ đơn vị nhân rộng cuối cùng (${target.unit_name})`,
        },
      ]);
    }
    await auditModel(trx, actor, row, {
      action: 'model.replication.remove',
      summary: `Bỏ ${target.unit_name} khỏi các đơn vị nhân rộng mô hình "${row.title}"`,
      before: { unitId: target.unit_id, unitCode: target.unit_code, startedOn: target.started_on, note: target.note },
      after: replications.length === 1 && row.status === 'replicated' ? { status: 'recognised' } : undefined,
    });
  });
  return getModel(db, actor, id);
}

/** Archives a model from any state, with a reason (a manager of its unit or above). */
export async function archiveModel(db: Db, actor: Actor, id: string, input: ArchiveInput): Promise<ModelDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadVisibleModel(trx, actor, id, true);
    if (!actor.scope.can(row.unit_path, 'manager')) {
      throw forbidden('Chỉ quản lý của đơn vị hoặc cấp trên mới được lưu trữ mô hình.');
    }
    if (row.status === 'archived') {
      throw invalidState('Mô hình đã được lưu trữ.');
    }
    assertVersion({ version: row.version }, { version: input.version });
    const archivedOn = input.archivedOn ?? todayIso();
    checkStepDate('body.archivedOn', archivedOn, row.started_on, 'Ngày lưu trữ');
    await repo.updateModel(trx, id, row.version, { status: 'archived' });
    await links.insertStatusChanges(trx, [
      {
        model_id: id,
        from_status: row.status,
        to_status: 'archived',
        effective_on: archivedOn,
        user_id: actor.userId,
        note: input.reason,
      },
    ]);
    await auditModel(trx, actor, row, {
      action: 'model.archive',
      summary: `Lưu trữ mô hình "${row.title}" (đang ở trạng thái ${statusName(row.status)}): ${input.reason}`,
      before: { status: row.status },
      after: { status: 'archived', archivedOn, reason: input.reason },
    });
  });
  return getModel(db, actor, id);
}

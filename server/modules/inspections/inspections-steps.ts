import { formatDateVi, todayIso } from '../../../common/dates';
import { INSPECTION_STEP_LABELS, type InspectionStep } from '../../../common/inspections';
import { inTransaction, type Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { assertVersion } from '../../platform/concurrency';
import { forbidden, notFound } from '../../platform/errors';
import { assertConductingRole, audit, invalid, invalidState, loadVisibleInspection } from './inspections-access';
import * as repo from './inspections.repository';
import * as recommendationsRepo from './recommendations.repository';
import type {
  CloseInspectionInput,
  InspectionDetail,
  NewRecommendationInput,
  SelfReportInput,
  SessionInput,
  StartInspectionInput,
} from './inspections.schemas';
import { getInspection, inspectionWarnings } from './inspections.service';
import { checkRecommendations } from './recommendations.service';

// The steps of QĐ 331-QĐ/TW: prepare (decision, outline) → conduct (self-inspection reports, working sessions) →
// closed (conclusion notice and its recommendations). Out of order answers INVALID_STATE (409).

const kindName = (kind: string) => (kind === 'inspection' ? 'kiểm tra' : 'giám sát');

function assertStep(row: repo.InspectionRow, expected: InspectionStep, action: string): void {
  if (row.step !== expected) {
    throw invalidState(
      `Không thể ${action}: cuộc ${kindName(row.kind)} đang ở bước "${INSPECTION_STEP_LABELS[row.step as InspectionStep].vi}", ` +
        `thao tác này chỉ làm được ở bước "${INSPECTION_STEP_LABELS[expected].vi}".`,
    );
  }
}

function notAfterToday(path: string, day: string, what: string): void {
  if (day > todayIso()) {
    throw invalid(path, `${what} không được sau hôm nay.`);
  }
}

function notBefore(path: string, day: string, floor: string | null, what: string, floorName: string): void {
  if (floor && day < floor) {
    throw invalid(path, `${what} không được trước ${floorName} (${formatDateVi(floor)}).`);
  }
}

/**
 * prepare → conduct: records the decision forming the team and the outline sent to the subjects, and the actual start.
 * The plan must be approved and the team must have its head.
 */
export async function startInspection(
  db: Db,
  actor: Actor,
  id: string,
  input: StartInspectionInput,
): Promise<InspectionDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisibleInspection(trx, actor, id, todayIso(), true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    assertVersion({ version: row.version }, input);
    assertStep(row, 'prepare', 'bắt đầu tiến hành');
    if (row.plan_status !== 'approved') {
      throw invalidState(`Kế hoạch "${row.plan_title}" chưa được phê duyệt; chỉ tiến hành khi kế hoạch đã duyệt.`);
    }
    const members = await repo.listMembers(trx, id);
    if (!members.some((member) => member.role === 'head')) {
      throw invalidState('Đoàn chưa có trưởng đoàn; bổ sung thành viên đoàn trước khi tiến hành.');
    }
    notAfterToday('body.decisionDate', input.decisionDate, 'Ngày quyết định');
    notAfterToday('body.actualStart', input.actualStart, 'Ngày bắt đầu');
    notBefore('body.actualStart', input.actualStart, input.decisionDate, 'Ngày bắt đầu', 'ngày quyết định');
    if (input.outlineSentOn) {
      notBefore('body.outlineSentOn', input.outlineSentOn, input.decisionDate, 'Ngày gửi đề cương', 'ngày quyết định');
      notAfterToday('body.outlineSentOn', input.outlineSentOn, 'Ngày gửi đề cương');
    }
    await repo.updateInspection(trx, id, {
      step: 'conduct',
      decision_number: input.decisionNumber,
      decision_date: input.decisionDate,
      outline_sent_on: input.outlineSentOn,
      actual_start: input.actualStart,
    });
    await audit(trx, actor, {
      action: 'inspection.start',
      entityType: 'inspection',
      entityId: id,
      unitId: row.conducting_unit_id,
      summary: `Tiến hành cuộc ${kindName(row.kind)} "${row.title}" theo quyết định ${input.decisionNumber}`,
      before: { step: row.step },
      after: { step: 'conduct', ...input, version: undefined },
    });
  });
  return getInspection(db, actor, id);
}

/**
 * The subject's self-inspection report: written by the subject unit's editors (or the team's), in the conduct step.
 */
export async function writeSelfReport(
  db: Db,
  actor: Actor,
  id: string,
  subjectId: string,
  input: SelfReportInput,
): Promise<InspectionDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisibleInspection(trx, actor, id, todayIso(), true);
    const subject = (await repo.listSubjects(trx, id)).find((s) => s.id === subjectId);
    if (!subject) {
      throw notFound('Đơn vị được kiểm tra');
    }
    if (!actor.scope.can(subject.unit_path, 'editor') && !actor.scope.can(row.conducting_path, 'editor')) {
      throw forbidden(`Chỉ người nhập liệu của ${subject.unit.name} hoặc đoàn kiểm tra mới ghi báo cáo tự kiểm tra.`);
    }
    assertStep(row, 'conduct', 'ghi báo cáo tự kiểm tra');
    notAfterToday('body.receivedOn', input.receivedOn, 'Ngày nhận báo cáo');
    notBefore('body.receivedOn', input.receivedOn, row.decision_date, 'Ngày nhận báo cáo', 'ngày quyết định');
    await repo.setSelfReport(trx, subjectId, {
      self_report_received_on: input.receivedOn,
      self_report_summary: input.summary,
    });
    await audit(trx, actor, {
      action: 'inspection.self_report',
      entityType: 'inspection',
      entityId: id,
      unitId: subject.unit_id,
      summary: `Báo cáo tự kiểm tra của ${subject.unit.name} cho cuộc ${kindName(row.kind)} "${row.title}"`,
      before: { receivedOn: subject.self_report_received_on, summary: subject.self_report_summary },
      after: input,
    });
  });
  return getInspection(db, actor, id);
}

/** A working session of the team, in the conduct step. */
export async function addSession(db: Db, actor: Actor, id: string, input: SessionInput): Promise<InspectionDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisibleInspection(trx, actor, id, todayIso(), true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    assertStep(row, 'conduct', 'ghi buổi làm việc');
    notAfterToday('body.heldOn', input.heldOn, 'Ngày làm việc');
    notBefore('body.heldOn', input.heldOn, row.actual_start, 'Ngày làm việc', 'ngày bắt đầu');
    if (input.subjectUnitId && !row.subjects.some((subject) => subject.id === input.subjectUnitId)) {
      throw invalid('body.subjectUnitId', 'Đơn vị làm việc phải là một đơn vị được kiểm tra của cuộc này.');
    }
    const sessionId = await repo.insertSession(trx, {
      inspection_id: id,
      held_on: input.heldOn,
      subject_unit_id: input.subjectUnitId,
      place: input.place,
      summary: input.summary,
      created_by: actor.userId,
    });
    await audit(trx, actor, {
      action: 'inspection.session_add',
      entityType: 'inspection',
      entityId: id,
      unitId: row.conducting_unit_id,
      summary: `Buổi làm việc ngày ${formatDateVi(input.heldOn)} của cuộc ${kindName(row.kind)} "${row.title}"`,
      after: { sessionId, ...input },
    });
  });
  return getInspection(db, actor, id);
}

export async function deleteSession(db: Db, actor: Actor, id: string, sessionId: string): Promise<InspectionDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisibleInspection(trx, actor, id, todayIso(), true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    assertStep(row, 'conduct', 'xóa buổi làm việc');
    const session = (await repo.listSessions(trx, id)).find((s) => s.id === sessionId);
    if (!session || !(await repo.deleteSession(trx, id, sessionId))) {
      throw notFound('Buổi làm việc');
    }
    await audit(trx, actor, {
      action: 'inspection.session_delete',
      entityType: 'inspection',
      entityId: id,
      unitId: row.conducting_unit_id,
      summary: `Xóa buổi làm việc ngày ${formatDateVi(session.held_on)} của cuộc ${kindName(row.kind)} "${row.title}"`,
      before: session,
    });
  });
  return getInspection(db, actor, id);
}

/**
 * conduct → closed: the conclusion notice (strengths, shortcomings, causes, requirements, its number and date), the
 * actual end, and the recommendations. Every subject must have sent its self-inspection report.
 */
export async function closeInspection(
  db: Db,
  actor: Actor,
  id: string,
  input: CloseInspectionInput,
): Promise<InspectionDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisibleInspection(trx, actor, id, todayIso(), true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    assertVersion({ version: row.version }, input);
    assertStep(row, 'conduct', 'ban hành thông báo kết luận');
    const missing = (await repo.listSubjects(trx, id)).filter((subject) => !subject.self_report_received_on);
    if (missing.length > 0) {
      throw invalidState(
        `Chưa nhận báo cáo tự kiểm tra của: ${missing.map((s) => s.unit.name).join(', ')}; ` +
          'ghi nhận báo cáo trước khi kết luận.',
      );
    }
    notBefore('body.actualEnd', input.actualEnd, row.actual_start, 'Ngày kết thúc', 'ngày bắt đầu');
    notBefore('body.conclusionDate', input.conclusionDate, input.actualEnd, 'Ngày thông báo kết luận', 'ngày kết thúc');
    notAfterToday('body.conclusionDate', input.conclusionDate, 'Ngày thông báo kết luận');
    const items = await checkRecommendations(
      trx,
      row,
      input.recommendations,
      input.conclusionDate,
      'body.recommendations',
    );
    await repo.updateInspection(trx, id, {
      step: 'closed',
      actual_end: input.actualEnd,
      conclusion_number: input.conclusionNumber,
      conclusion_date: input.conclusionDate,
      strengths: input.strengths,
      shortcomings: input.shortcomings,
      causes: input.causes,
      requirements: input.requirements,
    });
    const ids = await recommendationsRepo.insertRecommendations(trx, id, items, actor.userId);
    const warnings = inspectionWarnings({ ...row, actual_end: input.actualEnd });
    await audit(trx, actor, {
      action: 'inspection.close',
      entityType: 'inspection',
      entityId: id,
      unitId: row.conducting_unit_id,
      summary:
        `Thông báo kết luận ${input.conclusionNumber} cuộc ${kindName(row.kind)} "${row.title}", ` +
        `${ids.length} kiến nghị${warnings.length > 0 ? ` — cảnh báo: ${warnings.map((w) => w.message).join(' ')}` : ''}`,
      before: { step: row.step },
      after: { ...input, step: 'closed', version: undefined, recommendationIds: ids },
    });
  });
  return getInspection(db, actor, id);
}

/** More recommendations of a closed inspection's conclusion (editor of the conducting unit). */
export async function addRecommendations(
  db: Db,
  actor: Actor,
  id: string,
  items: NewRecommendationInput[],
): Promise<InspectionDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisibleInspection(trx, actor, id, todayIso(), true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    assertStep(row, 'closed', 'thêm kiến nghị (kiến nghị đi kèm thông báo kết luận)');
    const checked = await checkRecommendations(trx, row, items, row.conclusion_date!, 'body.items');
    const existing = await recommendationsRepo.countForInspection(trx, id);
    const ids = await recommendationsRepo.insertRecommendations(trx, id, checked, actor.userId, existing);
    await audit(trx, actor, {
      action: 'recommendation.create',
      entityType: 'inspection',
      entityId: id,
      unitId: row.conducting_unit_id,
      summary: `Thêm ${ids.length} kiến nghị vào kết luận cuộc ${kindName(row.kind)} "${row.title}"`,
      after: { items, recommendationIds: ids },
    });
  });
  return getInspection(db, actor, id);
}

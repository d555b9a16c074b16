import { todayIso } from '../../../common/dates';
import { MEMBER_ROLE_LABELS } from '../../../common/inspections';
import { inTransaction, type Db, type DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { assertVersion } from '../../platform/concurrency';
import { resolveUnit } from '../org-units/org-units.service';
import {
  assertConductingRole,
  audit,
  checkValidOn,
  findVisibleCampaign,
  invalid,
  invalidState,
  loadVisibleInspection,
  type UnitOnDate,
} from './inspections-access';
import { loadVisiblePlan } from './inspection-plans.service';
import * as repo from './inspections.repository';
import type { CreateInspectionInput, InspectionDetail, UnitRef, UpdateInspectionInput } from './inspections.schemas';
import { getInspection, inspectionSearchKey, inspectionWarnings } from './inspections.service';

export const INSPECTION_FIELD_LABELS = {
  kind: 'Loại (kiểm tra/giám sát)',
  form: 'Hình thức',
  campaignId: 'Văn bản chỉ đạo',
  title: 'Tên cuộc kiểm tra',
  content: 'Nội dung',
  plannedStart: 'Ngày bắt đầu dự kiến',
  plannedEnd: 'Ngày kết thúc dự kiến',
  subjectUnitIds: 'Đơn vị được kiểm tra',
  members: 'Thành viên đoàn',
};
type Field = keyof typeof INSPECTION_FIELD_LABELS;

function checkDates(plannedStart: string, plannedEnd: string, year: number): void {
  if (plannedEnd < plannedStart) {
    throw invalid('body.plannedEnd', 'Ngày kết thúc dự kiến phải sau hoặc bằng ngày bắt đầu.');
  }
  if (Number(plannedStart.slice(0, 4)) !== year) {
    throw invalid('body.plannedStart', `Ngày bắt đầu dự kiến phải trong năm của kế hoạch (${year}).`);
  }
}

function checkMembers(members: { role: string }[]): void {
  if (members.filter((member) => member.role === 'head').length > 1) {
    throw invalid('body.members', `Mỗi đoàn chỉ có một ${MEMBER_ROLE_LABELS.head.vi.toLowerCase()}.`);
  }
}

/**
 * The subjects: units strictly below the conducting unit that existed on the planned start (records point at the
 * unit as it was; it may be dissolved since and still shows).
 */
async function checkSubjects(
  db: DbOrTrx,
  conducting: { path: string; name: string },
  unitIds: string[],
  day: string,
): Promise<string[]> {
  const unique = [...new Set(unitIds)];
  for (const [index, unitId] of unique.entries()) {
    const path = `body.subjectUnitIds.${index}`;
    const unit = (await resolveUnit(db, unitId, day)) as UnitOnDate | undefined;
    if (!unit || !unit.path.startsWith(`${conducting.path}.`)) {
      throw invalid(path, `Đơn vị được kiểm tra phải là tổ chức đảng cấp dưới của ${conducting.name}.`);
    }
    checkValidOn(unit, day, path, 'Đơn vị được kiểm tra');
  }
  return unique;
}

async function checkCampaign(db: DbOrTrx, actor: Actor, campaignId: string | null): Promise<void> {
  if (campaignId && !(await findVisibleCampaign(db, actor, campaignId))) {
    throw invalid('body.campaignId', 'Văn bản chỉ đạo không tồn tại hoặc bạn không có quyền xem.');
  }
}

/**
 * Adds an inspection or supervision to a plan (editor of the plan's conducting unit), with its subjects and team, in
 * the prepare step. The response carries duration warnings when the dates pass the limit of the conducting level.
 */
export async function createInspection(db: Db, actor: Actor, input: CreateInspectionInput): Promise<InspectionDetail> {
  const plan = await loadVisiblePlan(db, actor, input.planId);
  assertConductingRole(actor, plan.unit_path, 'editor');
  checkDates(input.plannedStart, input.plannedEnd, plan.year);
  const conducting = (await resolveUnit(db, plan.unit_id, input.plannedStart)) as UnitOnDate;
  checkValidOn(conducting, input.plannedStart, 'body.plannedStart', 'Đơn vị tiến hành');
  checkMembers(input.members);
  await checkCampaign(db, actor, input.campaignId);
  const subjectIds = await checkSubjects(db, conducting, input.subjectUnitIds, input.plannedStart);
  const id = await inTransaction(db, async (trx) => {
    const inspectionId = await repo.insertInspection(trx, {
      plan_id: plan.id,
      conducting_unit_id: plan.unit_id,
      kind: input.kind,
      form: input.form,
      campaign_id: input.campaignId,
      title: input.title,
      content: input.content,
      planned_start: input.plannedStart,
      planned_end: input.plannedEnd,
      search_key: inspectionSearchKey(input.title, input.content),
      created_by: actor.userId,
    });
    await repo.replaceSubjects(trx, inspectionId, subjectIds);
    await repo.replaceMembers(trx, inspectionId, input.members);
    const warnings = inspectionWarnings({
      planned_start: input.plannedStart,
      planned_end: input.plannedEnd,
      actual_start: null,
      actual_end: null,
      conducting_unit: { kind: conducting.kind as UnitRef['kind'] },
    });
    await audit(trx, actor, {
      action: 'inspection.create',
      entityType: 'inspection',
      entityId: inspectionId,
      unitId: plan.unit_id,
      summary:
        `Thêm cuộc ${input.kind === 'inspection' ? 'kiểm tra' : 'giám sát'} "${input.title}" vào kế hoạch ` +
        `"${plan.title}"${warnings.length > 0 ? ` — cảnh báo: ${warnings[0]!.message}` : ''}`,
      after: { ...input, subjectUnitIds: subjectIds },
    });
    return inspectionId;
  });
  return getInspection(db, actor, id);
}

/**
 * Edits an inspection that has not closed (editor of the conducting unit). Subjects change only while preparing;
 * a stale `version` answers 409 with what changed.
 */
export async function updateInspection(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateInspectionInput,
): Promise<InspectionDetail> {
  await inTransaction(db, async (trx) => {
    const today = todayIso();
    const row = await loadVisibleInspection(trx, actor, id, today, true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    const members = (await repo.listMembers(trx, id)).map((m) => ({
      fullName: m.full_name,
      position: m.position,
      role: m.role,
    }));
    const stored = {
      kind: row.kind,
      form: row.form,
      campaignId: row.campaign_id,
      title: row.title,
      content: row.content,
      plannedStart: row.planned_start,
      plannedEnd: row.planned_end,
      subjectUnitIds: row.subjects.map((subject) => subject.id),
      members,
      version: row.version,
    };
    assertVersion(stored, input, INSPECTION_FIELD_LABELS);
    if (row.step === 'closed') {
      throw invalidState('Cuộc kiểm tra đã kết thúc (đã có thông báo kết luận) nên không sửa được.');
    }
    const next = { ...stored, ...input };
    const changed = (Object.keys(INSPECTION_FIELD_LABELS) as Field[]).filter(
      (key) => key in input && JSON.stringify(stored[key]) !== JSON.stringify(next[key]),
    );
    if (changed.length === 0) {
      return;
    }
    if (changed.includes('subjectUnitIds') && row.step !== 'prepare') {
      throw invalidState('Chỉ đổi đơn vị được kiểm tra khi đang chuẩn bị; cuộc kiểm tra đã tiến hành.');
    }
    checkDates(next.plannedStart, next.plannedEnd, row.plan_year);
    const conducting = (await resolveUnit(trx, row.conducting_unit_id, next.plannedStart)) as UnitOnDate;
    checkValidOn(conducting, next.plannedStart, 'body.plannedStart', 'Đơn vị tiến hành');
    checkMembers(next.members);
    if (changed.includes('campaignId')) {
      await checkCampaign(trx, actor, next.campaignId);
    }
    if (changed.includes('subjectUnitIds') || changed.includes('plannedStart')) {
      next.subjectUnitIds = await checkSubjects(trx, conducting, next.subjectUnitIds, next.plannedStart);
    }
    await repo.updateInspection(trx, id, {
      kind: next.kind,
      form: next.form,
      campaign_id: next.campaignId,
      title: next.title,
      content: next.content,
      planned_start: next.plannedStart,
      planned_end: next.plannedEnd,
      search_key: inspectionSearchKey(next.title, next.content),
    });
    if (changed.includes('subjectUnitIds')) {
      await repo.replaceSubjects(trx, id, next.subjectUnitIds);
    }
    if (changed.includes('members')) {
      await repo.replaceMembers(trx, id, next.members);
    }
    await audit(trx, actor, {
      action: 'inspection.update',
      entityType: 'inspection',
      entityId: id,
      unitId: row.conducting_unit_id,
      summary: `Sửa cuộc kiểm tra "${next.title}": ${changed.map((key) => INSPECTION_FIELD_LABELS[key]).join(', ')}`,
      before: Object.fromEntries(changed.map((key) => [key, stored[key]])),
      after: Object.fromEntries(changed.map((key) => [key, next[key]])),
    });
  });
  return getInspection(db, actor, id);
}

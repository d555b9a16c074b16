import { sql } from 'kysely';
import { formatDateVi, todayIso } from '../../../common/dates';
import {
  isOverdue,
  RECOMMENDATION_CATEGORY_LABELS,
  type InspectionKind,
  type RecommendationCategory,
  type RecommendationStatus,
} from '../../../common/inspections';
import { inTransaction, type Db, type DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { assertVersion } from '../../platform/concurrency';
import { forbidden, notFound } from '../../platform/errors';
import { resolveUnit } from '../org-units/org-units.service';
import {
  assertConductingRole,
  audit,
  checkValidOn,
  invalid,
  invalidState,
  resolveVisibleUnit,
  type UnitOnDate,
} from './inspections-access';
import type { InspectionRow } from './inspections.repository';
import * as repo from './recommendations.repository';
import type {
  ListRecommendationsQuery,
  NewRecommendationInput,
  RecommendationDetail,
  RecommendationSummary,
  ReportInput,
  UpdateRecommendationInput,
} from './inspections.schemas';

const FIELD_LABELS = {
  text: 'Nội dung',
  category: 'Loại kiến nghị',
  ownerUnitId: 'Đơn vị thực hiện',
  deadline: 'Thời hạn',
};
type Field = keyof typeof FIELD_LABELS;

export function toRecommendationSummary(row: repo.RecommendationRow, today: string): RecommendationSummary {
  return {
    id: row.id,
    inspection: {
      id: row.inspection_id,
      title: row.inspection_title,
      kind: row.inspection_kind as InspectionKind,
      conclusionNumber: row.conclusion_number,
      conclusionDate: row.conclusion_date,
      conductingUnit: row.conducting_unit,
    },
    text: row.text,
    category: row.category as RecommendationCategory,
    ownerUnit: row.owner_unit,
    deadline: row.deadline,
    status: row.status as RecommendationStatus,
    isOverdue: isOverdue(row.status, row.deadline, today),
    isAwaitingReview: row.status !== 'done' && row.report_submitted_on !== null,
    reportOn: row.report_on,
    doneOn: row.done_on,
    isDoneOnTime: row.done_on ? row.done_on <= row.deadline : null,
    version: row.version,
  };
}

/** SQL: the recommendation is one the caller reads — its conducting unit or its owner unit is in reach. */
function recommendationReach(actor: Actor) {
  return sql<boolean>`(${actor.scope.sqlContains(sql`cu.path`, 'viewer')} or ${actor.scope.sqlContains(repo.ownerPathRef, 'viewer')})`;
}

/** The recommendations of an inspection the caller already reads (the inspection page lists them all). */
export async function listRecommendationsOfInspection(
  db: DbOrTrx,
  actor: Actor,
  inspectionId: string,
): Promise<RecommendationSummary[]> {
  const today = todayIso();
  const { rows } = await repo.listRecommendations(
    db,
    { scope: sql<boolean>`true`, today, inspectionId, inEntryOrder: true },
    { offset: 0, limit: 1000 },
  );
  return rows.map((row) => toRecommendationSummary(row, today));
}

/**
 * Checks new recommendations of a conclusion: the owner is a unit in the conducting unit's subtree that exists on
 * the conclusion date (a proposal to the level above may go to a committee above the conducting one), and the
 * deadline is not before the conclusion.
 */
export async function checkRecommendations(
  db: DbOrTrx,
  inspection: Pick<InspectionRow, 'conducting_path'>,
  items: NewRecommendationInput[],
  conclusionDate: string,
  basePath: string,
): Promise<repo.RecommendationValues[]> {
  const checked: repo.RecommendationValues[] = [];
  for (const [index, item] of items.entries()) {
    checked.push(await checkOne(db, inspection.conducting_path, item, conclusionDate, `${basePath}.${index}`));
  }
  return checked;
}

async function checkOne(
  db: DbOrTrx,
  conductingPath: string,
  item: NewRecommendationInput,
  conclusionDate: string,
  path: string,
): Promise<repo.RecommendationValues> {
  const unit = (await resolveUnit(db, item.ownerUnitId, conclusionDate)) as UnitOnDate | undefined;
  const isBelow = unit && (unit.path === conductingPath || unit.path.startsWith(`${conductingPath}.`));
  const isAbove = unit && item.category === 'proposal_to_higher' && conductingPath.startsWith(`${unit.path}.`);
  if (!unit || (!isBelow && !isAbove)) {
    throw invalid(
      `${path}.ownerUnitId`,
      'Đơn vị thực hiện kiến nghị phải là đơn vị tiến hành hoặc tổ chức đảng cấp dưới của đơn vị đó ' +
        '(kiến nghị cấp trên: cấp ủy cấp trên).',
    );
  }
  checkValidOn(unit, conclusionDate, `${path}.ownerUnitId`, 'Đơn vị thực hiện');
  if (item.deadline < conclusionDate) {
    throw invalid(`${path}.deadline`, `Thời hạn không được trước ngày kết luận (${formatDateVi(conclusionDate)}).`);
  }
  return { text: item.text, category: item.category, owner_unit_id: unit.id, deadline: item.deadline };
}

/**
 * Recommendations the caller reads, overdue first. `view=owner` is the owner unit's own list ("việc của tôi": units
 * in the caller's reach); `view=conducting` what the caller's committees must follow up and accept.
 */
export async function listRecommendations(db: DbOrTrx, actor: Actor, query: ListRecommendationsQuery) {
  const today = todayIso();
  const scope =
    query.view === 'owner'
      ? actor.scope.sqlContains(repo.ownerPathRef, 'viewer')
      : query.view === 'conducting'
        ? actor.scope.sqlContains(sql`cu.path`, 'viewer')
        : recommendationReach(actor);
  const filter: repo.RecommendationFilter = {
    scope,
    today,
    inspectionId: query.inspection,
    status: query.status,
    category: query.category,
  };
  if (query.unit) {
    filter.ownerPath = (await resolveVisibleUnit(db, actor, query.unit, today)).path;
  }
  const result = await repo.listRecommendations(db, filter, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    items: result.rows.map((row) => toRecommendationSummary(row, today)),
    total: result.total,
    overdue: result.overdue,
    awaitingReview: result.awaitingReview,
  };
}

async function loadVisible(db: DbOrTrx, actor: Actor, id: string, lock = false): Promise<repo.RecommendationRow> {
  const row = await repo.findRecommendation(db, id, lock);
  if (!row || (!actor.scope.can(row.conducting_path, 'viewer') && !actor.scope.can(row.owner_path, 'viewer'))) {
    throw notFound('Kiến nghị');
  }
  return row;
}

/** Whether the caller reads the recommendation (the documents of its remediation report follow it). */
export async function isRecommendationVisible(db: DbOrTrx, actor: Actor, id: string): Promise<boolean> {
  const row = await repo.findRecommendation(db, id);
  return !!row && (actor.scope.can(row.conducting_path, 'viewer') || actor.scope.can(row.owner_path, 'viewer'));
}

export async function getRecommendation(db: DbOrTrx, actor: Actor, id: string): Promise<RecommendationDetail> {
  const row = await loadVisible(db, actor, id);
  const reviews = await repo.listReviews(db, id);
  const isDone = row.status === 'done';
  const isConductingEditor = actor.scope.can(row.conducting_path, 'editor');
  const isOwnerEditor = actor.scope.can(row.owner_path, 'editor');
  return {
    ...toRecommendationSummary(row, todayIso()),
    reportText: row.report_text,
    reportSubmittedOn: row.report_submitted_on,
    reportedBy: row.reported_by ? { id: row.reported_by, fullName: row.reported_by_name ?? '' } : null,
    acceptedBy: row.accepted_by ? { id: row.accepted_by, fullName: row.accepted_by_name ?? '' } : null,
    reviews: reviews.map((review) => ({
      id: review.id,
      decision: review.decision as 'accepted' | 'returned',
      reason: review.reason,
      reviewedOn: review.reviewed_on,
      user: review.user_id ? { id: review.user_id, fullName: review.full_name ?? '' } : null,
      at: new Date(review.at).toISOString(),
    })),
    abilities: {
      canEdit: isConductingEditor && !isDone,
      canDelete: isConductingEditor && row.status === 'open' && row.report_on === null,
      canStart: isOwnerEditor && row.status === 'open',
      canReport: isOwnerEditor && !isDone,
      canReview: !isDone && row.report_submitted_on !== null && actor.scope.can(row.conducting_path, 'manager'),
    },
  };
}

function auditEntry(row: repo.RecommendationRow, action: string, summary: string, before?: unknown, after?: unknown) {
  return { action, entityType: 'recommendation', entityId: row.id, unitId: row.owner_unit_id, summary, before, after };
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Edits a recommendation not yet done (editor of the conducting unit); 409 on a stale version. */
export async function updateRecommendation(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateRecommendationInput,
): Promise<RecommendationDetail> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisible(trx, actor, id, true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    const stored = {
      text: row.text,
      category: row.category,
      ownerUnitId: row.owner_unit_id,
      deadline: row.deadline,
      version: row.version,
    };
    assertVersion(stored, input, FIELD_LABELS);
    if (row.status === 'done') {
      throw invalidState('Kiến nghị đã hoàn thành (đã nghiệm thu) nên không sửa được.');
    }
    const next = { ...stored, ...input };
    const changed = (Object.keys(FIELD_LABELS) as Field[]).filter((key) => key in input && stored[key] !== next[key]);
    if (changed.length === 0) {
      return;
    }
    const values = await checkOne(
      trx,
      row.conducting_path,
      {
        text: next.text,
        category: next.category as RecommendationCategory,
        ownerUnitId: next.ownerUnitId,
        deadline: next.deadline,
      },
      row.conclusion_date!,
      'body',
    );
    await repo.updateRecommendation(trx, id, values);
    await audit(
      trx,
      actor,
      auditEntry(
        row,
        'recommendation.update',
        `Sửa kiến nghị "${short(next.text)}": ${changed.map((key) => FIELD_LABELS[key]).join(', ')}`,
        Object.fromEntries(changed.map((key) => [key, stored[key]])),
        Object.fromEntries(changed.map((key) => [key, next[key]])),
      ),
    );
  });
  return getRecommendation(db, actor, id);
}

/** Removes a recommendation entered by mistake: still open, no report (editor of the conducting unit). */
export async function deleteRecommendation(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await loadVisible(trx, actor, id, true);
    assertConductingRole(actor, row.conducting_path, 'editor');
    assertVersion({ version: row.version }, { version });
    if (row.status !== 'open' || row.report_on !== null) {
      throw invalidState('Chỉ xóa được kiến nghị chưa thực hiện và chưa có báo cáo khắc phục.');
    }
    await repo.deleteRecommendation(trx, id);
    await audit(trx, actor, auditEntry(row, 'recommendation.delete', `Xóa kiến nghị "${short(row.text)}"`, row));
  });
}

function assertOwnerEditor(actor: Actor, row: repo.RecommendationRow): void {
  if (!actor.scope.can(row.owner_path, 'editor')) {
    throw forbidden(`Chỉ người nhập liệu của ${row.owner_unit.name} mới cập nhật việc thực hiện kiến nghị.`);
  }
}

/** open → in_progress: the owner unit starts acting on it. */
export async function startRecommendation(db: Db, actor: Actor, id: string, version: number) {
  await inTransaction(db, async (trx) => {
    const row = await loadVisible(trx, actor, id, true);
    assertOwnerEditor(actor, row);
    assertVersion({ version: row.version }, { version });
    if (row.status !== 'open') {
      throw invalidState('Kiến nghị đã được bắt đầu thực hiện hoặc đã hoàn thành.');
    }
    await repo.updateRecommendation(trx, id, { status: 'in_progress' });
    await audit(
      trx,
      actor,
      auditEntry(
        row,
        'recommendation.start',
        `Bắt đầu thực hiện kiến nghị "${short(row.text)}"`,
        { status: 'open' },
        { status: 'in_progress' },
      ),
    );
  });
  return getRecommendation(db, actor, id);
}

/** The owner's remediation report (text, its date); it then waits for the conducting unit's acceptance. */
export async function reportRecommendation(db: Db, actor: Actor, id: string, input: ReportInput) {
  await inTransaction(db, async (trx) => {
    const row = await loadVisible(trx, actor, id, true);
    assertOwnerEditor(actor, row);
    assertVersion({ version: row.version }, input);
    if (row.status === 'done') {
      throw invalidState('Kiến nghị đã hoàn thành (đã nghiệm thu).');
    }
    if (input.reportOn > todayIso()) {
      throw invalid('body.reportOn', 'Ngày báo cáo không được sau hôm nay.');
    }
    if (row.conclusion_date && input.reportOn < row.conclusion_date) {
      throw invalid(
        'body.reportOn',
        `Ngày báo cáo không được trước ngày kết luận (${formatDateVi(row.conclusion_date)}).`,
      );
    }
    await repo.updateRecommendation(trx, id, {
      status: 'in_progress',
      report_text: input.reportText,
      report_on: input.reportOn,
      report_submitted_on: todayIso(),
      reported_by: actor.userId,
    });
    await audit(
      trx,
      actor,
      auditEntry(
        row,
        'recommendation.report',
        `Báo cáo khắc phục kiến nghị "${short(row.text)}" ngày ${formatDateVi(input.reportOn)}`,
        { status: row.status, reportText: row.report_text, reportOn: row.report_on },
        { status: 'in_progress', reportText: input.reportText, reportOn: input.reportOn },
      ),
    );
  });
  return getRecommendation(db, actor, id);
}

async function review(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  decision: { accepted: true; reviewedOn: string } | { accepted: false; reason: string },
) {
  await inTransaction(db, async (trx) => {
    const row = await loadVisible(trx, actor, id, true);
    assertConductingRole(actor, row.conducting_path, 'manager');
    assertVersion({ version: row.version }, { version });
    if (row.status === 'done') {
      throw invalidState('Kiến nghị đã được nghiệm thu.');
    }
    if (row.report_submitted_on === null) {
      throw invalidState('Đơn vị thực hiện chưa gửi báo cáo khắc phục để nghiệm thu.');
    }
    const today = todayIso();
    if (decision.accepted) {
      if (decision.reviewedOn > today || decision.reviewedOn < row.report_on!) {
        throw invalid(
          'body.reviewedOn',
          `Ngày nghiệm thu phải từ ngày báo cáo (${formatDateVi(row.report_on)}) đến hôm nay.`,
        );
      }
      // Done on the day the remediation was reported: the owner is not late because the review took time.
      await repo.updateRecommendation(trx, id, {
        status: 'done',
        done_on: row.report_on,
        accepted_by: actor.userId,
        accepted_at: new Date().toISOString(),
      });
    } else {
      await repo.updateRecommendation(trx, id, { report_submitted_on: null });
    }
    await repo.insertReview(trx, {
      recommendation_id: id,
      decision: decision.accepted ? 'accepted' : 'returned',
      reason: decision.accepted ? null : decision.reason,
      reviewed_on: decision.accepted ? decision.reviewedOn : today,
      user_id: actor.userId,
    });
    const late = decision.accepted && row.report_on! > row.deadline ? ' (quá hạn)' : '';
    await audit(
      trx,
      actor,
      auditEntry(
        row,
        decision.accepted ? 'recommendation.accept' : 'recommendation.return',
        decision.accepted
          ? `Nghiệm thu kiến nghị "${short(row.text)}" — hoàn thành${late}`
          : `Trả lại báo cáo khắc phục kiến nghị "${short(row.text)}": ${decision.reason}`,
        { status: row.status },
        decision.accepted ? { status: 'done', doneOn: row.report_on } : { status: row.status, reason: decision.reason },
      ),
    );
  });
  return getRecommendation(db, actor, id);
}

/** The conducting unit's manager accepts the remediation: done, on time when reported by the deadline. */
export const acceptRecommendation = (
  db: Db,
  actor: Actor,
  id: string,
  input: { reviewedOn: string; version: number },
) => review(db, actor, id, input.version, { accepted: true, reviewedOn: input.reviewedOn });

/** …or sends the report back with a reason; the owner reports again. */
export const returnRecommendation = (db: Db, actor: Actor, id: string, input: { reason: string; version: number }) =>
  review(db, actor, id, input.version, { accepted: false, reason: input.reason });

export const CATEGORY_NAMES = RECOMMENDATION_CATEGORY_LABELS;

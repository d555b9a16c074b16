import { sql } from 'kysely';
import type { ErrorDetail } from '../../../common/errors';
import { formatDateVi, addDays } from '../../../common/dates';
import { periodOf, type Period } from '../../../common/report-periods';
import type { PeriodType, SubmissionStatus } from '../../../common/reports';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { AppError, forbidden, notFound, validationFailed, conflict } from '../../platform/errors';
import { resolveUnit } from '../org-units/org-units.service';
import { computeValues } from './submission-values';
import * as repo from './submissions.repository';
import * as templatesRepo from './templates.repository';
import { loadTemplate, type LoadedTemplate } from './templates.service';
import type { Indicator, SubmissionDetail, SubmissionSummary, UpdateSubmissionInput } from './reports.schemas';

export function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', message);
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function templatePeriod(template: templatesRepo.TemplateRow, key: string, path = 'body.periodKey'): Period {
  const period = periodOf(template.period_type as PeriodType, key, {
    from: template.custom_from,
    to: template.custom_to,
  });
  if (!period) {
    const message = `Kỳ "${key}" không hợp với mẫu báo cáo (${template.period_type}).`;
    throw validationFailed(message, [{ path, message }]);
  }
  return period;
}

export function toSummary(
  row: repo.SubmissionRow,
  template: Pick<templatesRepo.TemplateRow, 'period_type' | 'custom_from' | 'custom_to'>,
): SubmissionSummary {
  const period = periodOf(template.period_type as PeriodType, row.period_key, {
    from: template.custom_from,
    to: template.custom_to,
  });
  return {
    id: row.id,
    template: { id: row.template_id, code: row.template_code, name: row.template_name },
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    reviewer: { id: row.reviewer_unit_id, code: row.reviewer_code, name: row.reviewer_name },
    period: {
      key: row.period_key,
      from: row.period_from,
      to: row.period_to,
      label: period?.label ?? `${formatDateVi(row.period_from)} – ${formatDateVi(row.period_to)}`,
    },
    dueOn: row.due_on,
    status: row.status as SubmissionStatus,
    revision: row.revision,
    firstSubmittedAt: iso(row.first_submitted_at),
    submittedAt: iso(row.submitted_at),
    approvedAt: iso(row.approved_at),
    docSymbol: row.doc_symbol,
    version: row.version,
  };
}

/** A submission the caller may read (its unit in reach); otherwise 404. */
export async function loadSubmission(db: DbOrTrx, actor: Actor, id: string, forUpdate = false) {
  const row = await repo.findSubmission(db, id, forUpdate);
  if (!row || !actor.scope.can(row.unit_path, 'viewer')) {
    throw notFound('Báo cáo');
  }
  return row;
}

export async function getSubmission(db: DbOrTrx, actor: Actor, id: string): Promise<SubmissionDetail> {
  const row = await loadSubmission(db, actor, id);
  const template = await loadTemplate(db, actor, row.template_id);
  const [comments, events, versions] = await Promise.all([
    repo.listComments(db, id),
    repo.listEvents(db, id),
    repo.listVersions(db, id),
  ]);
  const isEditable = row.status === 'draft' || row.status === 'returned';
  const canEdit = actor.scope.can(row.unit_path, 'editor');
  const canReview = actor.scope.can(row.reviewer_path, 'manager');
  return {
    ...toSummary(row, template.row),
    sections: template.row.sections.map((s) => ({
      key: s.key,
      title: s.title,
      hint: s.hint ?? null,
      text: row.sections[s.key] ?? '',
    })),
    indicators: template.indicators.map((i) => ({ ...i, value: row.values[i.code]?.value ?? null })),
    computedAt: iso(row.computed_at),
    comments: comments.map((c) => ({
      id: c.id,
      revision: c.revision,
      target: c.target as 'whole' | 'section' | 'indicator',
      targetKey: c.target_key,
      body: c.body,
      author: c.author,
      createdAt: c.created_at.toISOString(),
    })),
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      revision: e.revision,
      note: e.note,
      user: e.user,
      at: e.at.toISOString(),
    })),
    revisions: versions.map((v) => ({ revision: v.revision, submittedAt: v.submitted_at.toISOString(), by: v.by })),
    abilities: {
      canEdit: canEdit && isEditable,
      canSubmit: canEdit && isEditable,
      canReview: canReview && row.status === 'submitted',
      canUnlock: canReview && row.status === 'approved',
    },
  };
}

/** Submissions in the caller's reach; with `mine`, only those of units where the caller enters data. */
export async function listSubmissions(
  db: DbOrTrx,
  actor: Actor,
  query: { template?: string; period?: string; status?: SubmissionStatus; mine?: 'true' | 'false' },
): Promise<{ items: SubmissionSummary[] }> {
  const rows = await repo.listSubmissions(db, {
    scope: actor.scope.sqlContains(repo.unitPathRef, query.mine === 'true' ? 'editor' : 'viewer'),
    templateId: query.template,
    periodKey: query.period,
    status: query.status,
  });
  const templates = await templatesRepo.listTemplates(
    db,
    sql`t.id = any(${sql.val([...new Set(rows.map((r) => r.template_id))])}::uuid[])`,
  );
  const byId = new Map(templates.map((t) => [t.id, t]));
  return { items: rows.map((row) => toSummary(row, byId.get(row.template_id)!)) };
}

/** The reviewing unit for `unit` under the template's obligations on the period's last day, if it must report. */
export async function findReviewer(
  db: DbOrTrx,
  template: LoadedTemplate,
  unitId: string,
  at: string,
): Promise<templatesRepo.ObligationRow | undefined> {
  for (const obligation of template.obligations) {
    const expected = await templatesRepo.listExpectedUnits(db, [obligation], at);
    if (expected.some((u) => u.id === unitId)) {
      return obligation;
    }
  }
  return undefined;
}

/**
 * Opens a unit's submission for a period (an editor of the unit): computed indicators filled from the records now,
 * manual ones and the sections empty. The unit must be one the template's obligations name.
 */
export async function createSubmission(
  db: Db,
  actor: Actor,
  input: { templateId: string; unitId: string; periodKey: string },
): Promise<SubmissionDetail> {
  const template = await loadTemplate(db, actor, input.templateId);
  if (!template.row.is_active) {
    throw invalidState('Mẫu báo cáo đã ngừng sử dụng.');
  }
  const period = templatePeriod(template.row, input.periodKey);
  const unit = await resolveUnit(db, input.unitId, period.to);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  if (!actor.scope.can(unit.path, 'editor')) {
    throw forbidden(`Bạn không có quyền nhập liệu cho ${unit.name}.`);
  }
  const obligation = await findReviewer(db, template, unit.id, period.to);
  if (!obligation) {
    const message = `${unit.name} không có nghĩa vụ báo cáo theo mẫu "${template.row.name}" kỳ ${period.label}.`;
    throw validationFailed(message, [{ path: 'body.unitId', message }]);
  }
  const existing = await repo.findByKey(db, template.row.id, unit.id, period.key);
  if (existing) {
    const message = `${unit.name} đã có báo cáo kỳ ${period.label}.`;
    throw conflict(message, [{ path: 'body.periodKey', message }]);
  }
  const values = await computeValues(db, actor, template, unit, period);
  for (const indicator of template.indicators.filter((i) => i.source === 'manual')) {
    values[indicator.code] = { value: null };
  }
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertSubmission(trx, {
      template_id: template.row.id,
      unit_id: unit.id,
      reviewer_unit_id: obligation.reviewer_unit_id,
      period_key: period.key,
      period_from: period.from,
      period_to: period.to,
      due_on: addDays(period.to, template.row.deadline_days),
      values: JSON.stringify(values),
      computed_at: new Date(),
      sections: JSON.stringify({}),
      created_by: actor.userId,
    });
    await repo.insertEvent(trx, {
      submission_id: id,
      action: 'create',
      from_status: null,
      to_status: 'draft',
      revision: 0,
      note: null,
      user_id: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'report.submission.create',
      entityType: 'report_submission',
      entityId: id,
      unitId: unit.id,
      summary: `Lập báo cáo "${template.row.name}" kỳ ${period.label} của ${unit.name}`,
      after: { templateId: template.row.id, periodKey: period.key, values },
    });
    return id;
  });
  return getSubmission(db, actor, id);
}

function checkValues(indicators: Indicator[], values: Record<string, number | string | null>): void {
  const details: ErrorDetail[] = [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  for (const [code, value] of Object.entries(values)) {
    const path = `body.values.${code}`;
    const indicator = byCode.get(code);
    if (!indicator) {
      details.push({ path, message: `Mẫu không có chỉ tiêu "${code}"` });
      continue;
    }
    if (indicator.source === 'computed') {
      details.push({ path, message: `"${indicator.label}" tính từ dữ liệu, không nhập tay` });
      continue;
    }
    if (value === null) {
      continue;
    }
    if (indicator.valueType === 'text' && typeof value !== 'string') {
      details.push({ path, message: `"${indicator.label}" là chữ` });
    } else if (
      indicator.valueType === 'integer' &&
      (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    ) {
      details.push({ path, message: `"${indicator.label}" phải là số nguyên không âm` });
    } else if (indicator.valueType === 'percent' && (typeof value !== 'number' || value < 0 || value > 100)) {
      details.push({ path, message: `"${indicator.label}" là tỷ lệ phần trăm, từ 0 đến 100` });
    }
  }
  if (details.length) {
    throw validationFailed('Số liệu chưa hợp lệ.', details);
  }
}

/** Loads a submission for a change by the unit's editors, while it is a draft or returned. */
export async function loadEditable(trx: DbOrTrx, actor: Actor, id: string, version: number) {
  const row = await loadSubmission(trx, actor, id, true);
  if (!actor.scope.can(row.unit_path, 'editor')) {
    throw forbidden(`Chỉ người nhập liệu của ${row.unit_name} mới được sửa báo cáo này.`);
  }
  if (row.status === 'submitted') {
    throw invalidState('Báo cáo đã gửi, đang chờ cấp trên xem xét; không sửa được.');
  }
  if (row.status === 'approved') {
    throw invalidState('Báo cáo đã được duyệt và khóa; cấp trên cần mở khóa trước khi sửa.');
  }
  assertVersion({ version: row.version }, { version });
  return row;
}

/** Types manual figures and section texts into a draft or a returned submission. */
export async function updateSubmission(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateSubmissionInput,
): Promise<SubmissionDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadEditable(trx, actor, id, input.version);
    const template = await loadTemplate(trx, actor, row.template_id);
    if (input.values) {
      checkValues(template.indicators, input.values);
    }
    if (input.sections) {
      const keys = new Set(template.row.sections.map((s) => s.key));
      const unknown = Object.keys(input.sections).filter((key) => !keys.has(key));
      if (unknown.length) {
        throw validationFailed(
          'Mẫu không có phần này.',
          unknown.map((key) => ({ path: `body.sections.${key}`, message: `Mẫu không có phần "${key}"` })),
        );
      }
    }
    const values = { ...row.values };
    for (const [code, value] of Object.entries(input.values ?? {})) {
      values[code] = { value };
    }
    const sections = { ...row.sections, ...(input.sections ?? {}) };
    await repo.updateSubmission(trx, id, row.version, {
      values: JSON.stringify(values),
      sections: JSON.stringify(sections),
    });
    const changedValues = Object.keys(input.values ?? {}).filter(
      (code) => JSON.stringify(row.values[code]?.value ?? null) !== JSON.stringify(values[code].value),
    );
    const changedSections = Object.keys(input.sections ?? {}).filter((k) => (row.sections[k] ?? '') !== sections[k]);
    await recordAudit(trx, actor, {
      action: 'report.submission.update',
      entityType: 'report_submission',
      entityId: id,
      unitId: row.unit_id,
      summary: `Sửa báo cáo "${row.template_name}" của ${row.unit_name}`,
      before: {
        values: Object.fromEntries(changedValues.map((c) => [c, row.values[c]?.value ?? null])),
        sections: Object.fromEntries(changedSections.map((k) => [k, row.sections[k] ?? ''])),
      },
      after: {
        values: Object.fromEntries(changedValues.map((c) => [c, values[c].value])),
        sections: Object.fromEntries(changedSections.map((k) => [k, sections[k]])),
      },
    });
  });
  return getSubmission(db, actor, id);
}

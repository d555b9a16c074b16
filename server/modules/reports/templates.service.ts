import { sql } from 'kysely';
import type { ErrorDetail } from '../../../common/errors';
import type { PeriodType } from '../../../common/reports';
import type { Db, DbOrTrx } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { isCampaignVisible } from '../campaigns/campaigns.service';
import { findCatalogueEntry, INDICATOR_CATALOGUE } from './indicators';
import { assertChangesKeepSubmissions } from './template-changes';
import * as repo from './templates.repository';
import type {
  CreateObligationInput,
  CreateTemplateInput,
  Indicator,
  IndicatorSpec,
  Template,
  UpdateTemplateInput,
} from './reports.schemas';

/** The owner's path in the template query (alias `u`), for the scope condition. */
const sqlOwnerPath = sql`u.path`;

export interface LoadedTemplate {
  row: repo.TemplateRow;
  indicators: Indicator[];
  obligations: repo.ObligationRow[];
}

function toIndicator(row: Awaited<ReturnType<typeof repo.listIndicators>>[number]): Indicator {
  return {
    code: row.code,
    label: row.label,
    unitLabel: row.unit_label,
    valueType: row.value_type as Indicator['valueType'],
    source: row.source as Indicator['source'],
    catalogueCode: row.catalogue_code,
    rollUp: row.roll_up as Indicator['rollUp'],
    weightCode: row.weight_code,
    sectionKey: row.section_key,
  };
}

export function toTemplate(loaded: LoadedTemplate, actor: Actor): Template {
  const { row } = loaded;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    campaign: row.campaign_id ? { id: row.campaign_id, code: row.campaign_code ?? '' } : null,
    owner: { id: row.owner_unit_id, code: row.owner_code, name: row.owner_name },
    periodType: row.period_type as PeriodType,
    customFrom: row.custom_from,
    customTo: row.custom_to,
    deadlineDays: row.deadline_days,
    subject: row.subject,
    sections: row.sections.map((s) => ({ key: s.key, title: s.title, hint: s.hint ?? null })),
    indicators: loaded.indicators,
    obligations: loaded.obligations.map((o) => ({
      id: o.id,
      reviewer: { id: o.reviewer_unit_id, code: o.reviewer_code, name: o.reviewer_name },
      unitKind: o.unit_kind,
      reporter: o.reporter_unit_id ? { id: o.reporter_unit_id, code: o.reporter_code!, name: o.reporter_name! } : null,
    })),
    isActive: row.is_active,
    submissionCount: row.submission_count,
    version: row.version,
    abilities: { canManage: actor.scope.can(row.owner_path, 'manager') },
  };
}

/**
 * A template the caller may read: its owner lies in the caller's reach or above it (a province's template binds
 * the communes below, whose staff must read it). Otherwise 404.
 */
export async function loadTemplate(db: DbOrTrx, actor: Actor, id: string): Promise<LoadedTemplate> {
  const row = await repo.findTemplate(db, id);
  if (!row || !isVisible(actor, row.owner_path)) {
    throw notFound('Mẫu báo cáo');
  }
  const [indicators, obligations] = await Promise.all([repo.listIndicators(db, [id]), repo.listObligations(db, [id])]);
  return { row, indicators: indicators.map(toIndicator), obligations };
}

function isVisible(actor: Actor, ownerPath: string): boolean {
  return (
    actor.scope.can(ownerPath, 'viewer') ||
    actor.scope.isSystem ||
    actor.scope.roots('viewer').some((root) => root.startsWith(`${ownerPath}.`))
  );
}

export async function getTemplate(db: DbOrTrx, actor: Actor, id: string): Promise<Template> {
  return toTemplate(await loadTemplate(db, actor, id), actor);
}

/** Templates owned in the caller's reach or above it, with their indicators and obligations. */
export async function listTemplates(db: DbOrTrx, actor: Actor): Promise<{ items: Template[] }> {
  const rows = await repo.listTemplates(db, actor.scope.sqlContainsOrAbove(sqlOwnerPath, 'viewer'));
  const ids = rows.map((r) => r.id);
  const [indicators, obligations] = await Promise.all([repo.listIndicators(db, ids), repo.listObligations(db, ids)]);
  return {
    items: rows.map((row) =>
      toTemplate(
        {
          row,
          indicators: indicators.filter((i) => i.template_id === row.id).map(toIndicator),
          obligations: obligations.filter((o) => o.template_id === row.id),
        },
        actor,
      ),
    ),
  };
}

/** Checks the indicators among themselves and against the catalogue and the sections; lists every problem. */
function checkIndicators(indicators: IndicatorSpec[], sectionKeys: string[]): void {
  const details: ErrorDetail[] = [];
  const codes = new Map<string, IndicatorSpec>();
  indicators.forEach((indicator, i) => {
    const at = (field: string) => `body.indicators.${i}.${field}`;
    if (codes.has(indicator.code)) {
      details.push({ path: at('code'), message: `Mã chỉ tiêu "${indicator.code}" bị trùng` });
    }
    codes.set(indicator.code, indicator);
    if (indicator.source === 'computed') {
      const entry = indicator.catalogueCode ? findCatalogueEntry(indicator.catalogueCode) : undefined;
      if (!entry) {
        details.push({
          path: at('catalogueCode'),
          message: `Chỉ tiêu "${indicator.label}": chọn một chỉ tiêu có sẵn trong danh mục để tính từ dữ liệu`,
        });
      } else if (entry.valueType !== indicator.valueType) {
        details.push({
          path: at('valueType'),
          message: `Chỉ tiêu "${indicator.label}" lấy từ danh mục có kiểu ${entry.valueType}`,
        });
      }
    }
    if (indicator.valueType === 'text' && indicator.rollUp !== 'none') {
      details.push({ path: at('rollUp'), message: `Chỉ tiêu dạng chữ "${indicator.label}" không cộng dồn được` });
    }
    if (indicator.sectionKey && !sectionKeys.includes(indicator.sectionKey)) {
      details.push({ path: at('sectionKey'), message: `Không có phần "${indicator.sectionKey}" trong mẫu` });
    }
  });
  indicators.forEach((indicator, i) => {
    if (indicator.rollUp === 'weighted_average' && indicator.weightCode) {
      const weight = codes.get(indicator.weightCode);
      if (!weight || weight.valueType !== 'integer') {
        details.push({
          path: `body.indicators.${i}.weightCode`,
          message: `Trọng số của "${indicator.label}" phải là một chỉ tiêu số nguyên của mẫu`,
        });
      }
    }
  });
  const keys = new Set<string>();
  sectionKeys.forEach((key, i) => {
    if (keys.has(key)) {
      details.push({ path: `body.sections.${i}.key`, message: `Phần "${key}" bị trùng` });
    }
    keys.add(key);
  });
  if (details.length) {
    throw validationFailed('Mẫu báo cáo chưa hợp lệ.', details);
  }
}

const indicatorRows = (indicators: IndicatorSpec[]) =>
  indicators.map((i) => ({
    code: i.code,
    label: i.label,
    unit_label: i.unitLabel ?? null,
    value_type: i.valueType,
    source: i.source,
    catalogue_code: i.source === 'computed' ? (i.catalogueCode ?? null) : null,
    roll_up: i.rollUp,
    weight_code: i.rollUp === 'weighted_average' ? (i.weightCode ?? null) : null,
    section_key: i.sectionKey ?? null,
  }));

/** Creates a template owned by a unit where the caller is a manager. */
export async function createTemplate(db: Db, actor: Actor, input: CreateTemplateInput): Promise<Template> {
  await assertUnitAccess(db, actor, input.ownerUnitId, 'manager');
  if (input.periodType === 'custom') {
    if (!input.customFrom || !input.customTo || input.customTo < input.customFrom) {
      const message = 'Kỳ báo cáo theo giai đoạn cần ngày bắt đầu và ngày kết thúc (kết thúc sau bắt đầu).';
      throw validationFailed(message, [{ path: 'body.customTo', message }]);
    }
  }
  if (input.campaignId && !(await isCampaignVisible(db, actor, input.campaignId))) {
    const message = 'Văn bản chỉ đạo không tồn tại hoặc bạn không có quyền xem.';
    throw validationFailed(message, [{ path: 'body.campaignId', message }]);
  }
  checkIndicators(
    input.indicators,
    input.sections.map((s) => s.key),
  );
  if (await repo.findTemplateByCode(db, input.code)) {
    const message = `Đã có mẫu báo cáo mã "${input.code}".`;
    throw conflict(message, [{ path: 'body.code', message }]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertTemplate(trx, {
      code: input.code,
      name: input.name,
      campaign_id: input.campaignId ?? null,
      owner_unit_id: input.ownerUnitId,
      period_type: input.periodType,
      custom_from: input.periodType === 'custom' ? (input.customFrom ?? null) : null,
      custom_to: input.periodType === 'custom' ? (input.customTo ?? null) : null,
      deadline_days: input.deadlineDays,
      subject: input.subject,
      sections: JSON.stringify(input.sections),
      created_by: actor.userId,
    });
    await repo.replaceIndicators(trx, id, indicatorRows(input.indicators));
    await recordAudit(trx, actor, {
      action: 'report.template.create',
      entityType: 'report_template',
      entityId: id,
      unitId: input.ownerUnitId,
      summary: `Tạo mẫu báo cáo "${input.name}" (${input.code})`,
      after: input,
    });
    return id;
  });
  return getTemplate(db, actor, id);
}

/** Changes a template (its owner's managers); indicators, when sent, replace the list. */
export async function updateTemplate(db: Db, actor: Actor, id: string, input: UpdateTemplateInput): Promise<Template> {
  await db.transaction().execute(async (trx) => {
    const loaded = await loadTemplate(trx, actor, id);
    if (!actor.scope.can(loaded.row.owner_path, 'manager')) {
      throw forbidden('Chỉ quản lý của đơn vị lập mẫu mới được sửa mẫu báo cáo.');
    }
    assertVersion(
      { version: loaded.row.version, name: loaded.row.name, subject: loaded.row.subject },
      { version: input.version, name: input.name, subject: input.subject },
      { name: 'Tên mẫu', subject: 'Trích yếu' },
    );
    const sections = input.sections ?? loaded.row.sections;
    checkIndicators(
      input.indicators ?? loaded.indicators,
      sections.map((s) => s.key),
    );
    assertChangesKeepSubmissions(
      { indicators: loaded.indicators, sections: loaded.row.sections },
      input,
      loaded.row.submission_count,
    );
    await repo.updateTemplate(trx, id, loaded.row.version, {
      name: input.name,
      deadline_days: input.deadlineDays,
      subject: input.subject,
      sections: input.sections ? JSON.stringify(input.sections) : undefined,
      is_active: input.isActive,
    });
    if (input.indicators) {
      await repo.replaceIndicators(trx, id, indicatorRows(input.indicators));
    }
    const { version: _v, ...changes } = input;
    await recordAudit(trx, actor, {
      action: 'report.template.update',
      entityType: 'report_template',
      entityId: id,
      unitId: loaded.row.owner_unit_id,
      summary: `Sửa mẫu báo cáo "${loaded.row.name}"`,
      before: {
        name: loaded.row.name,
        deadlineDays: loaded.row.deadline_days,
        subject: loaded.row.subject,
        isActive: loaded.row.is_active,
        ...(input.sections ? { sections: loaded.row.sections } : {}),
        ...(input.indicators ? { indicators: loaded.indicators } : {}),
      },
      after: changes,
    });
  });
  return getTemplate(db, actor, id);
}

/**
 * Adds an obligation: units of a kind below the reviewer (or one unit) report on the template to the reviewer. The
 * reviewer lies in the template owner's subtree; the caller manages the reviewer.
 */
export async function addObligation(
  db: Db,
  actor: Actor,
  templateId: string,
  input: CreateObligationInput,
): Promise<Template> {
  await db.transaction().execute(async (trx) => {
    const loaded = await loadTemplate(trx, actor, templateId);
    const reviewerPath = await assertUnitAccess(trx, actor, input.reviewerUnitId, 'manager');
    const owner = loaded.row.owner_path;
    if (reviewerPath !== owner && !reviewerPath.startsWith(`${owner}.`)) {
      const message = `Đơn vị nhận báo cáo phải thuộc ${loaded.row.owner_name}.`;
      throw validationFailed(message, [{ path: 'body.reviewerUnitId', message }]);
    }
    if (input.reporterUnitId) {
      const reporterPath = await assertUnitAccess(trx, actor, input.reporterUnitId, 'viewer');
      if (!reporterPath.startsWith(`${reviewerPath}.`)) {
        const message = 'Đơn vị báo cáo phải trực thuộc đơn vị nhận báo cáo.';
        throw validationFailed(message, [{ path: 'body.reporterUnitId', message }]);
      }
    }
    const duplicate = loaded.obligations.find((o) =>
      input.reporterUnitId
        ? o.reporter_unit_id === input.reporterUnitId
        : o.reviewer_unit_id === input.reviewerUnitId && o.unit_kind === input.unitKind,
    );
    if (duplicate) {
      const message = 'Nghĩa vụ báo cáo này đã có.';
      throw conflict(message, [{ path: 'body', message }]);
    }
    const id = await repo.insertObligation(trx, {
      template_id: templateId,
      reviewer_unit_id: input.reviewerUnitId,
      unit_kind: input.unitKind ?? null,
      reporter_unit_id: input.reporterUnitId ?? null,
      created_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'report.obligation.create',
      entityType: 'report_obligation',
      entityId: id,
      unitId: input.reviewerUnitId,
      summary: `Giao nghĩa vụ báo cáo "${loaded.row.name}"`,
      after: input,
    });
  });
  return getTemplate(db, actor, templateId);
}

export async function removeObligation(db: Db, actor: Actor, templateId: string, id: string): Promise<Template> {
  await db.transaction().execute(async (trx) => {
    const loaded = await loadTemplate(trx, actor, templateId);
    const obligation = loaded.obligations.find((o) => o.id === id);
    if (!obligation) {
      throw notFound('Nghĩa vụ báo cáo');
    }
    if (!actor.scope.can(obligation.reviewer_path, 'manager')) {
      throw forbidden('Chỉ quản lý của đơn vị nhận báo cáo mới được bỏ nghĩa vụ này.');
    }
    await repo.deleteObligation(trx, templateId, id);
    await recordAudit(trx, actor, {
      action: 'report.obligation.delete',
      entityType: 'report_obligation',
      entityId: id,
      unitId: obligation.reviewer_unit_id,
      summary: `Bỏ nghĩa vụ báo cáo "${loaded.row.name}" (${obligation.unit_kind ?? obligation.reporter_name})`,
      before: {
        reviewerUnitId: obligation.reviewer_unit_id,
        unitKind: obligation.unit_kind,
        reporterUnitId: obligation.reporter_unit_id,
      },
    });
  });
  return getTemplate(db, actor, templateId);
}

export function listCatalogue() {
  return {
    items: INDICATOR_CATALOGUE.map((e) => ({
      code: e.code,
      label: e.label,
      unitLabel: e.unitLabel,
      valueType: e.valueType,
      rollUp: e.rollUp,
    })),
  };
}

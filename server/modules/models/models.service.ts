import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ModelKind, ModelPerson, ModelStatus, RecognitionLevel } from '../../../common/models';
import { MODEL_STATUSES } from '../../../common/models';
import { formatDateVi, todayIso } from '../../../common/dates';
import { isRoleAtLeast } from '../../../common/roles';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound, validationFailed } from '../../platform/errors';
import * as links from './models-links.repository';
import * as repo from './models.repository';
import { listDocuments } from '../documents/documents.service';
import { MODEL_DOCUMENT_TYPE, modelDocumentUrl } from './models-documents';
import { canManageModelFields } from './model-fields.service';
import { findVisibleDecision, resolveCampaignRef, resolveField, resolveVisibleUnit } from './models-refs';
import type { ListModelsQuery, ListModelsResponse, ModelDetail, ModelSummary, StatusCounts } from './models.schemas';

/** Folded title, people (names and positions) and description: what the registry's search looks through. */
export function modelSearchKey(title: string, people: ModelPerson[], description: string | null): string {
  const names = people.map((person) => `${person.name} ${person.position ?? ''}`);
  return foldVietnamese([title, ...names, description ?? ''].join(' '));
}

export function toModelSummary(row: repo.ModelRow): ModelSummary {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as ModelKind,
    status: row.status as ModelStatus,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    field: { id: row.field_id, code: row.field_code, nameVi: row.field_name_vi, nameEn: row.field_name_en },
    startedOn: row.started_on,
    recognisedLevel: row.recognised_level as RecognitionLevel | null,
    recognisedOn: row.recognised_on,
    recognisedBy: row.recognised_unit_id
      ? { id: row.recognised_unit_id, code: row.recognised_unit_code ?? '', name: row.recognised_unit_name ?? '' }
      : null,
    people: row.people.map((person) => ({ name: person.name, position: person.position ?? null })),
    replicationCount: row.replication_count,
    coverUrl: row.cover_document_id ? modelDocumentUrl(row.cover_document_id) : null,
  };
}

/** What the caller may do to a model; the UI shows buttons from this and never re-implements a rule. */
export function modelAbilities(
  actor: Actor,
  row: Pick<repo.ModelRow, 'status' | 'unit_path'>,
): ModelDetail['abilities'] {
  const isArchived = row.status === 'archived';
  const isRecognised = row.status === 'recognised' || row.status === 'replicated';
  return {
    canEdit: !isArchived && actor.scope.can(row.unit_path, 'editor'),
    canRecognise: row.status === 'proposed' && actor.scope.can(row.unit_path, 'manager'),
    // The replicating unit is chosen afterwards; any unit the caller enters records for will do.
    canReplicate: isRecognised && (actor.scope.isSystem || actor.scope.roots('editor').length > 0),
    canArchive: !isArchived && actor.scope.can(row.unit_path, 'manager'),
  };
}

/** The models the caller reaches: by their unit, or by a unit that replicated them. */
export function modelReach(actor: Actor): RawBuilder<SqlBool> {
  return repo.reachCondition(
    actor.scope.sqlContains(repo.unitPathRef, 'viewer'),
    actor.scope.sqlContains(sql`ru.path`, 'viewer'),
    actor.scope.sqlContainsOrAbove(sql`pu.path`, 'viewer'),
  );
}

/** A model the caller can see (404 otherwise, even when it exists elsewhere). */
export async function loadVisibleModel(db: DbOrTrx, actor: Actor, id: string, lock = false): Promise<repo.ModelRow> {
  const row = lock ? await repo.lockModel(db, id) : await repo.findModel(db, id);
  if (!row) {
    throw notFound('Mô hình');
  }
  if (!actor.scope.can(row.unit_path, 'viewer') && !isPublishedTo(actor, row)) {
    const replications = await links.listReplications(db, id);
    if (!replications.some((replication) => actor.scope.can(replication.unit_path, 'viewer'))) {
      throw notFound('Mô hình');
    }
  }
  return row;
}

/** Whether the caller reads the model (the documents module asks this for its photos). */
export async function isModelVisible(db: DbOrTrx, actor: Actor, id: string): Promise<boolean> {
  try {
    await loadVisibleModel(db, actor, id);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return false;
    }
    throw error;
  }
}

/** A recognised model reaches the caller through the recognising committee's subtree (see reachCondition). */
function isPublishedTo(actor: Actor, row: repo.ModelRow): boolean {
  const published = row.recognised_unit_path;
  if (!published || (row.status !== 'recognised' && row.status !== 'replicated')) {
    return false;
  }
  return actor.scope.roots('viewer').some((root) => root === published || root.startsWith(`${published}.`));
}

export function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', message);
}

/** A date of a step: not before the model started, not in the future. */
export function checkStepDate(path: string, day: string, startedOn: string, what: string): void {
  if (day < startedOn) {
    const message = `${what} không được trước ngày bắt đầu mô hình (${formatDateVi(startedOn)}).`;
    throw validationFailed(message, [{ path, message }]);
  }
  if (day > todayIso()) {
    const message = `${what} không được sau hôm nay.`;
    throw validationFailed(message, [{ path, message }]);
  }
}

export interface ResolvedModelFilter extends repo.ModelFilter {
  unitRef?: { id: string; code: string };
}

/** Turns the list's query (references by id or code) into a SQL filter scoped to the caller. */
export async function resolveModelFilter(
  db: DbOrTrx,
  actor: Actor,
  query: Omit<ListModelsQuery, 'page' | 'pageSize'>,
): Promise<ResolvedModelFilter> {
  if (query.from && query.to && query.from > query.to) {
    const message = 'Ngày bắt đầu của khoảng lọc phải trước ngày kết thúc.';
    throw validationFailed(message, [{ path: 'query.from', message }]);
  }
  const filter: ResolvedModelFilter = {
    scope: modelReach(actor),
    status: query.status,
    kind: query.kind,
    themeId: query.theme,
    from: query.from,
    to: query.to,
  };
  if (query.unit) {
    const unit = await resolveVisibleUnit(db, actor, query.unit, query.to ?? todayIso());
    filter.underPath = unit.path;
    filter.unitRef = { id: unit.id, code: unit.code };
  }
  if (query.field) {
    filter.fieldId = (await resolveField(db, query.field, 'query.field', false)).id;
  }
  if (query.campaign) {
    filter.campaignId = (await resolveCampaignRef(db, actor, query.campaign)).id;
  }
  const folded = query.search ? foldVietnamese(query.search) : '';
  filter.words = folded ? folded.split(' ') : undefined;
  return filter;
}

export function statusCounts(counts: Map<string, number>): StatusCounts {
  return Object.fromEntries(MODEL_STATUSES.map((status) => [status, counts.get(status) ?? 0])) as StatusCounts;
}

/**
 * The registry: models of the caller's reach matching the filters, newest start first, one page, with the counts by
 * status of the same filters (status aside) for the summary above the list.
 */
export async function listModels(db: DbOrTrx, actor: Actor, query: ListModelsQuery): Promise<ListModelsResponse> {
  const filter = await resolveModelFilter(db, actor, query);
  const [{ rows, total }, counts] = await Promise.all([
    repo.listModels(db, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
    repo.countByStatus(db, filter),
  ]);
  const role = actor.scope.highestRole();
  return {
    items: rows.map(toModelSummary),
    total,
    counts: statusCounts(counts),
    abilities: { canCreate: !!role && isRoleAtLeast(role, 'editor'), canManageFields: canManageModelFields(actor) },
  };
}

/** One model with its campaigns, theme, replicating units, timeline, documents count and the caller's abilities. */
export async function getModel(db: DbOrTrx, actor: Actor, id: string): Promise<ModelDetail> {
  const row = await loadVisibleModel(db, actor, id);
  return describeModel(db, actor, row);
}

export async function describeModel(db: DbOrTrx, actor: Actor, row: repo.ModelRow): Promise<ModelDetail> {
  const [campaigns, theme, replications, timeline, documentsCount, decision] = await Promise.all([
    links.listModelCampaigns(db, [row.id]),
    row.theme_id ? links.findTheme(db, row.theme_id) : Promise.resolve(undefined),
    links.listReplications(db, row.id),
    links.listTimeline(db, row.id),
    listDocuments(db, actor, MODEL_DOCUMENT_TYPE, row.id).then((documents) => documents.items.length),
    findVisibleDecision(db, actor, row.recognised_decision_id),
  ]);
  const isArchived = row.status === 'archived';
  return {
    ...toModelSummary(row),
    description: row.description,
    results: row.results,
    indicators: row.indicators.map((item) => ({
      indicator: item.indicator,
      value: item.value,
      unit: item.unit ?? null,
    })),
    theme: theme ?? null,
    campaigns: campaigns.map((c) => ({ id: c.id, code: c.code, title: c.title })),
    recognisedDecisionId: row.recognised_decision_id,
    recognisedDecision: decision ?? null,
    replications: replications.map((r) => ({
      id: r.id,
      unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
      startedOn: r.started_on,
      note: r.note,
      canRemove: !isArchived && actor.scope.can(r.unit_path, 'editor'),
    })),
    timeline: timeline.map((entry) => ({
      id: entry.id,
      fromStatus: entry.from_status as ModelStatus | null,
      toStatus: entry.to_status as ModelStatus,
      effectiveOn: entry.effective_on,
      at: new Date(entry.at).toISOString(),
      user: entry.user_id && entry.full_name ? { id: entry.user_id, fullName: entry.full_name } : null,
      note: entry.note,
      decisionId: entry.decision_id,
    })),
    documentsCount,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    abilities: modelAbilities(actor, row),
  };
}

/** The audit trail's unit for a model: its own, so managers of the subtree read the entry. */
export async function auditModel(
  trx: DbOrTrx,
  actor: Actor,
  row: Pick<repo.ModelRow, 'id' | 'unit_id' | 'title'>,
  entry: { action: string; summary: string; before?: unknown; after?: unknown },
): Promise<void> {
  await recordAudit(trx, actor, { ...entry, entityType: 'model', entityId: row.id, unitId: row.unit_id });
}

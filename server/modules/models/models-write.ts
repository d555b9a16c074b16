import { formatDateVi, todayIso } from '../../../common/dates';
import { MODEL_KIND_LABELS, type ModelIndicator, type ModelPerson } from '../../../common/models';
import type { Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { assertVersion } from '../../platform/concurrency';
import { MODEL_FIELD_LABELS, modelDisplays } from './models-conflicts';
import { forbidden, validationFailed } from '../../platform/errors';
import { syncDocumentUnit } from '../documents/documents.service';
import * as links from './models-links.repository';
import * as repo from './models.repository';
import { MODEL_DOCUMENT_TYPE } from './models-documents';
import { checkCampaignIds, checkTheme, resolveField, unitForRecord } from './models-refs';
import { auditModel, getModel, invalidState, loadVisibleModel, modelSearchKey } from './models.service';
import type { CreateModelInput, ModelDetail, UpdateModelInput } from './models.schemas';

/** Field names in Vietnamese, for 409 details and audit summaries. */
function checkPeople(kind: string, people: ModelPerson[]): void {
  if (kind === 'individual_example' && people.length === 0) {
    const message = `${MODEL_KIND_LABELS.individual_example.vi} cần ít nhất một người (họ tên, chức vụ).`;
    throw validationFailed(message, [{ path: 'body.people', message }]);
  }
}

function checkStartDate(startedOn: string): void {
  if (startedOn > todayIso()) {
    const message = 'Ngày bắt đầu không được sau hôm nay.';
    throw validationFailed(message, [{ path: 'body.startedOn', message }]);
  }
}

/** indicators as the client sends them (jsonb reorders keys), so that a comparison sees only real changes. */
const normaliseIndicators = (items: ModelIndicator[]) =>
  items.map((item) => ({ indicator: item.indicator, value: item.value, unit: item.unit ?? null }));
const normalisePeople = (items: ModelPerson[]) =>
  items.map((person) => ({ name: person.name, position: person.position ?? null }));

/**
 * Registers a model as proposed, under a unit the caller enters records for and that existed on the start date,
 * with its campaigns, one timeline entry and one audit entry, in one transaction.
 */
export async function createModel(db: Db, actor: Actor, input: CreateModelInput): Promise<ModelDetail> {
  checkStartDate(input.startedOn);
  const unit = await unitForRecord(db, actor, input.unitId, input.startedOn, 'body.unitId');
  checkPeople(input.kind, input.people);
  await resolveField(db, input.fieldId, 'body.fieldId', true);
  await checkTheme(db, actor, input.themeId);
  const campaignIds = await checkCampaignIds(db, actor, input.campaignIds);
  const id = await db.transaction().execute(async (trx) => {
    const modelId = await repo.insertModel(trx, {
      title: input.title,
      kind: input.kind,
      unit_id: unit.id,
      people: input.people,
      field_id: input.fieldId,
      theme_id: input.themeId,
      started_on: input.startedOn,
      description: input.description,
      results: input.results,
      indicators: input.indicators,
      search_key: modelSearchKey(input.title, input.people, input.description),
      status: 'proposed',
      created_by: actor.userId,
    });
    await links.replaceModelCampaigns(trx, modelId, campaignIds);
    await links.insertStatusChanges(trx, [
      {
        model_id: modelId,
        from_status: null,
        to_status: 'proposed',
        effective_on: todayIso(),
        user_id: actor.userId,
        note: 'Đăng ký mô hình',
      },
    ]);
    await auditModel(
      trx,
      actor,
      { id: modelId, unit_id: unit.id, title: input.title },
      {
        action: 'model.create',
        summary: `Đăng ký mô hình "${input.title}" (${unit.name})`,
        after: { ...input, campaignIds },
      },
    );
    return modelId;
  });
  return getModel(db, actor, id);
}

/**
 * Edits a model's fields (editor of its unit, and of the new unit when it moves); an archived model is read-only.
 * A stale `version` answers 409 with, field by field, what the model holds now.
 */
export async function updateModel(db: Db, actor: Actor, id: string, input: UpdateModelInput): Promise<ModelDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadVisibleModel(trx, actor, id, true);
    if (!actor.scope.can(row.unit_path, 'editor')) {
      throw forbidden('Chỉ người nhập liệu của đơn vị mới được sửa mô hình này.');
    }
    if (row.status === 'archived') {
      throw invalidState('Mô hình đã lưu trữ nên không sửa được.');
    }
    const campaigns = await links.listModelCampaigns(trx, [id]);
    const stored = {
      title: row.title,
      kind: row.kind,
      unitId: row.unit_id,
      people: normalisePeople(row.people),
      fieldId: row.field_id,
      themeId: row.theme_id,
      startedOn: row.started_on,
      description: row.description,
      results: row.results,
      indicators: normaliseIndicators(row.indicators),
      campaignIds: campaigns.map((c) => c.id).sort(),
      version: row.version,
    };
    const submitted = {
      ...input,
      ...(input.people ? { people: normalisePeople(input.people) } : {}),
      ...(input.indicators ? { indicators: normaliseIndicators(input.indicators) } : {}),
      ...(input.campaignIds ? { campaignIds: [...new Set(input.campaignIds)].sort() } : {}),
    };
    assertVersion(stored, submitted, modelDisplays(row, campaigns));

    const next = { ...stored, ...submitted };
    checkStartDate(next.startedOn);
    checkPeople(next.kind, next.people);
    if (next.unitId !== row.unit_id || next.startedOn !== row.started_on) {
      await unitForRecord(trx, actor, next.unitId, next.startedOn, 'body.unitId');
    }
    if (row.recognised_on && next.startedOn > row.recognised_on) {
      const message = `Ngày bắt đầu không được sau ngày công nhận (${formatDateVi(row.recognised_on)}).`;
      throw validationFailed(message, [{ path: 'body.startedOn', message }]);
    }
    if (next.fieldId !== row.field_id) {
      await resolveField(trx, next.fieldId, 'body.fieldId', true);
    }
    if (next.themeId !== row.theme_id) {
      await checkTheme(trx, actor, next.themeId);
    }
    if (input.campaignIds) {
      await checkCampaignIds(trx, actor, next.campaignIds);
    }

    const changed = (Object.keys(MODEL_FIELD_LABELS) as (keyof typeof MODEL_FIELD_LABELS)[]).filter(
      (key) => key in submitted && JSON.stringify(stored[key]) !== JSON.stringify(next[key]),
    );
    if (changed.length === 0) {
      return;
    }
    await repo.updateModel(trx, id, row.version, {
      title: next.title,
      kind: next.kind,
      unit_id: next.unitId,
      people: next.people,
      field_id: next.fieldId,
      theme_id: next.themeId,
      started_on: next.startedOn,
      description: next.description,
      results: next.results,
      indicators: next.indicators,
      search_key: modelSearchKey(next.title, next.people, next.description),
    });
    if (next.unitId !== row.unit_id) {
      await syncDocumentUnit(trx, MODEL_DOCUMENT_TYPE, id, next.unitId);
    }
    if (changed.includes('campaignIds')) {
      await links.replaceModelCampaigns(trx, id, next.campaignIds);
    }
    await auditModel(trx, actor, row, {
      action: 'model.update',
      summary: `Sửa mô hình "${next.title}": ${changed.map((key) => MODEL_FIELD_LABELS[key]).join(', ')}`,
      before: Object.fromEntries(changed.map((key) => [key, stored[key]])),
      after: Object.fromEntries(changed.map((key) => [key, next[key]])),
    });
  });
  return getModel(db, actor, id);
}

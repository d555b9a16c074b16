import crypto from 'node:crypto';
import { formatDateVi, todayIso } from '../../../common/dates';
import { MODEL_KIND_LABELS, type ModelKind, type ModelPerson, type ModelStatus } from '../../../common/models';
import { isRoleAtLeast } from '../../../common/roles';
import { foldVietnamese } from '../../../common/text';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { forbidden } from '../../platform/errors';
import { ImportReader, type ImportSource, type RecordOf } from '../../platform/import';
import { findCampaignIdsByCodes } from '../campaigns/campaigns-lookup';
import { isCampaignVisible } from '../campaigns/campaigns.service';
import { resolveUnit } from '../org-units/org-units.service';
import * as links from './models-links.repository';
import * as repo from './models.repository';
import { fieldChoices, modelColumns, type ModelColumns } from './models-columns';
import { modelSearchKey } from './models.service';

export const MAX_MODEL_IMPORT_ROWS = 20_000;

export interface ImportedModel {
  title: string;
  kind: ModelKind;
  unitCode: string;
  startedOn: string;
  status: ModelStatus;
}

export interface ImportModelsResult {
  dryRun: boolean;
  created: number;
  /** The first 100 models, in file order. */
  items: ImportedModel[];
}

type ModelRecord = RecordOf<ModelColumns>;

interface FileModel {
  row: number;
  id: string;
  /** The cells that parsed: a row with a bad cell is still checked against the database for its other cells. */
  record: Partial<ModelRecord>;
  isComplete: boolean;
  status: ModelStatus;
  unitId?: string;
  campaignIds: string[];
}

/** Import needs an editor role somewhere; each row then says under which unit. */
export function assertCanImportModels(actor: Actor): void {
  const role = actor.scope.highestRole();
  if (!role || !isRoleAtLeast(role, 'editor')) {
    throw forbidden('Chỉ người có vai trò nhập liệu trở lên mới được nhập mô hình.');
  }
}

type Report = (model: FileModel, key: ModelColumns[number]['key'], message: string) => void;

/**
 * The unit by its code on the start date (without a readable date, only that it exists in reach), with the role the
 * row's status needs: editor to propose, manager to record a model already recognised or archived.
 */
async function checkUnit(
  db: DbOrTrx,
  actor: Actor,
  model: FileModel,
  code: string,
  day: string | undefined,
  report: Report,
): Promise<void> {
  const unit = await resolveUnit(db, code, day ?? todayIso());
  const needed = model.status === 'proposed' ? 'editor' : 'manager';
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    report(model, 'unit_code', `Không tìm thấy đơn vị mã "${code}" trong phạm vi của bạn.`);
  } else if (day && (unit.valid_from > day || (unit.valid_to !== null && unit.valid_to < day))) {
    report(
      model,
      'unit_code',
      `${unit.name} (${unit.code}) không hoạt động vào ngày ${formatDateVi(day)}; ghi mã đơn vị của ngày đó.`,
    );
  } else if (!actor.scope.can(unit.path, needed)) {
    report(
      model,
      needed === 'editor' ? 'unit_code' : 'status',
      needed === 'editor'
        ? `Bạn không có quyền nhập liệu cho ${unit.name}.`
        : `Chỉ quản lý của ${unit.name} hoặc cấp trên mới được nhập mô hình ở trạng thái này.`,
    );
  } else {
    model.unitId = unit.id;
  }
}

/** Units, campaigns, people and duplicates: the rules that need the database or other rows. */
async function checkModels(
  db: DbOrTrx,
  actor: Actor,
  reader: ImportReader<ModelColumns>,
  models: FileModel[],
): Promise<void> {
  const report: Report = (model, key, message) => reader.report(model.row, key, message);
  const codes = [...new Set(models.flatMap((m) => m.record.campaign_codes ?? []))];
  const campaignIds = await findCampaignIdsByCodes(db, codes);
  const visibleCampaigns = new Map<string, boolean>();
  const today = todayIso();

  for (const model of models) {
    const { record } = model;
    if (record.start_date && record.start_date > today) {
      report(model, 'start_date', `Ngày bắt đầu ${formatDateVi(record.start_date)} sau hôm nay.`);
    }
    if (record.kind === 'individual_example' && record.people?.length === 0) {
      report(model, 'people', `${MODEL_KIND_LABELS.individual_example.vi} cần ít nhất một người: "Họ tên - Chức vụ".`);
    }
    if (model.status === 'replicated') {
      report(
        model,
        'status',
        'Không nhập trạng thái "Đã nhân rộng": hãy nhập "Đã công nhận" rồi thêm đơn vị nhân rộng trên trang mô hình.',
      );
    }
    if (record.unit_code) {
      await checkUnit(db, actor, model, record.unit_code, record.start_date, report);
    }
    for (const code of record.campaign_codes ?? []) {
      const id = campaignIds.get(code);
      if (id && !visibleCampaigns.has(id)) {
        visibleCampaigns.set(id, await isCampaignVisible(db, actor, id));
      }
      if (!id || !visibleCampaigns.get(id)) {
        report(model, 'campaign_codes', `Không có văn bản chỉ đạo "${code}" trong phạm vi của bạn.`);
      } else {
        model.campaignIds.push(id);
      }
    }
  }

  const keyOf = (model: FileModel) =>
    `${foldVietnamese(model.record.title!)}|${model.unitId}|${model.record.start_date}`;
  const placed = models.filter((model) => model.unitId && model.isComplete);
  const stored = await repo.findExistingKeys(
    db,
    placed.map((m) => ({
      title_key: foldVietnamese(m.record.title!),
      unit_id: m.unitId!,
      started_on: m.record.start_date!,
    })),
  );
  const firstRow = new Map<string, number>();
  for (const model of placed) {
    const key = keyOf(model);
    if (stored.has(key)) {
      report(model, 'title', `Đã có mô hình "${model.record.title}" của đơn vị này bắt đầu cùng ngày.`);
    } else if (firstRow.has(key)) {
      report(model, 'title', `Trùng với dòng ${firstRow.get(key)} (cùng tên, đơn vị, ngày bắt đầu).`);
    } else {
      firstRow.set(key, model.row);
    }
  }
}

async function writeModels(
  trx: DbOrTrx,
  actor: Actor,
  fileName: string,
  models: FileModel[],
  fields: Map<string, string>,
) {
  const full = (model: FileModel) => model.record as ModelRecord;
  const peopleOf = (model: FileModel): ModelPerson[] => full(model).people;
  await repo.insertModels(
    trx,
    models.map((model) => ({
      id: model.id,
      title: full(model).title,
      kind: full(model).kind,
      unit_id: model.unitId!,
      people: peopleOf(model),
      field_id: fields.get(full(model).field)!,
      theme_id: null,
      started_on: full(model).start_date,
      description: full(model).description,
      results: full(model).results,
      indicators: [],
      search_key: modelSearchKey(full(model).title, peopleOf(model), full(model).description),
      status: model.status,
      recognised_level: null,
      recognised_on: null,
      created_by: actor.userId,
    })),
  );
  await links.insertModelCampaigns(
    trx,
    models.flatMap((model) => model.campaignIds.map((campaignId) => ({ model_id: model.id, campaign_id: campaignId }))),
  );
  await links.insertStatusChanges(
    trx,
    models.map((model) => ({
      model_id: model.id,
      from_status: null,
      to_status: model.status,
      effective_on: todayIso(),
      user_id: actor.userId,
      note: `Nhập từ tệp ${fileName}`,
    })),
  );
  await recordAudit(trx, actor, {
    action: 'model.import',
    entityType: 'model',
    unitId: models[0]?.unitId ?? null,
    summary: `Nhập ${models.length} mô hình từ tệp ${fileName}`,
    after: { file: fileName, count: models.length, ids: models.slice(0, 50).map((m) => m.id) },
  });
}

/**
 * Imports models from an XLSX or CSV file, all or nothing: every row is checked (format; the unit by its code on the
 * start date, in the caller's reach with the role the status needs; campaigns by code; people; duplicates in the
 * file and against stored models) before one transaction writes them with their timeline entries and one audit
 * entry. A dry run checks everything and writes nothing.
 */
export async function importModels(
  db: Db,
  actor: Actor,
  input: ImportSource,
  options: { dryRun: boolean; onProgress?: (done: number, total?: number) => void },
): Promise<ImportModelsResult> {
  assertCanImportModels(actor);
  const choices = await fieldChoices(db);
  const fields = new Map(choices.map((field) => [field.code, field.id]));
  const reader = new ImportReader(input, modelColumns(choices), {
    maxRows: MAX_MODEL_IMPORT_ROWS,
    onProgress: (rows) => options.onProgress?.(rows),
  });
  const models: FileModel[] = [];
  for await (const { rowNumber, record, values } of reader.rows()) {
    const status = (values.status ?? 'proposed') as ModelStatus;
    models.push({
      row: rowNumber,
      id: crypto.randomUUID(),
      record: values,
      isComplete: !!record,
      status,
      campaignIds: [],
    });
  }
  const items = models
    .filter((model) => model.isComplete)
    .slice(0, 100)
    .map(({ record, status }) => ({
      title: record.title!,
      kind: record.kind!,
      unitCode: record.unit_code!,
      startedOn: record.start_date!,
      status,
    }));
  if (options.dryRun) {
    await checkModels(db, actor, reader, models);
    reader.finish();
    return { dryRun: true, created: models.length, items };
  }
  await db.transaction().execute(async (trx) => {
    await checkModels(trx, actor, reader, models);
    reader.finish();
    await writeModels(trx, actor, input.fileName, models, fields);
    options.onProgress?.(models.length, models.length);
  });
  return { dryRun: false, created: models.length, items };
}

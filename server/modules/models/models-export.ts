import { todayIso } from '../../../common/dates';
import {
  MODEL_KIND_LABELS,
  MODEL_STATUS_LABELS,
  RECOGNITION_LEVEL_LABELS,
  type ModelKind,
  type ModelStatus,
  type RecognitionLevel,
} from '../../../common/models';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { date, defineColumns, integer, text, writeWorkbook, type Parser } from '../../platform/import';
import * as links from './models-links.repository';
import * as repo from './models.repository';
import { formatPeople, MODEL_SHEET_NAME } from './models-columns';
import { resolveModelFilter } from './models.service';
import type { ListModelsQuery } from './models.schemas';

/** Past this the export stops; the filters narrow it (a province holds a few thousand models). */
export const MAX_EXPORT_ROWS = 50_000;

const column = (key: string, labels: string[], width = 18, parse: Parser<unknown> = text()) => ({
  key,
  labels,
  required: false,
  parse,
  width,
});

// The first columns are the import's, with the same headers; the rest tell what happened to the model since.
const EXPORT_COLUMNS = defineColumns([
  column('title', ['Tên mô hình'], 48),
  column('kind', ['Loại'], 26),
  column('unit_code', ['Mã đơn vị'], 14),
  column('field', ['Lĩnh vực'], 24),
  column('start_date', ['Ngày bắt đầu'], 14, date()),
  column('status', ['Trạng thái'], 16),
  column('description', ['Mô tả'], 48),
  column('results', ['Kết quả'], 40),
  column('campaign_codes', ['Văn bản chỉ đạo'], 24),
  column('people', ['Người thực hiện'], 40),
  column('unit_name', ['Tên đơn vị'], 36),
  column('recognised_level', ['Cấp công nhận'], 16),
  column('recognised_on', ['Ngày công nhận'], 14, date()),
  column('replications', ['Số đơn vị nhân rộng'], 12, integer()),
]);

/**
 * The registry's filtered list as an XLSX, one row per model (the same filters as the list, no paging). Viewer is
 * enough; the rows are scoped to the caller in SQL.
 */
export async function exportModels(
  db: DbOrTrx,
  actor: Actor,
  query: Omit<ListModelsQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; data: Buffer }> {
  const filter = await resolveModelFilter(db, actor, query);
  const rows = await repo.listAllModels(db, filter, MAX_EXPORT_ROWS);
  const campaigns = new Map<string, string[]>();
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ids = rows.slice(i, i + CHUNK).map((row) => row.id);
    for (const link of await links.listModelCampaigns(db, ids)) {
      campaigns.set(link.model_id, [...(campaigns.get(link.model_id) ?? []), link.code]);
    }
  }
  const data = await writeWorkbook({
    sheetName: MODEL_SHEET_NAME,
    columns: EXPORT_COLUMNS,
    rows: rows.map((row) => ({
      title: row.title,
      kind: MODEL_KIND_LABELS[row.kind as ModelKind].vi,
      unit_code: row.unit_code,
      field: row.field_name_vi,
      start_date: row.started_on,
      status: MODEL_STATUS_LABELS[row.status as ModelStatus].vi,
      description: row.description,
      results: row.results,
      campaign_codes: (campaigns.get(row.id) ?? []).join(', '),
      people: formatPeople(row.people),
      unit_name: row.unit_name,
      recognised_level: row.recognised_level
        ? RECOGNITION_LEVEL_LABELS[row.recognised_level as RecognitionLevel].vi
        : null,
      recognised_on: row.recognised_on,
      replications: row.replication_count,
    })),
  });
  const unitPart = filter.unitRef ? `-${filter.unitRef.code}` : '';
  return { fileName: `mo-hinh${unitPart}-${todayIso()}.xlsx`, data };
}

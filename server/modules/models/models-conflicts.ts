import { formatDateVi } from '../../../common/dates';
import { MODEL_KIND_LABELS, type ModelIndicator, type ModelPerson } from '../../../common/models';
import { enumDisplay, type FieldDisplay } from '../../platform/concurrency';
import type * as repo from './models.repository';

// How a 409 on a model reads: kind labels, the unit's and the field's names, campaign codes and dates as users write
// them, read off the model as stored now (the row already carries the names).

/** A model's editable fields as users name them, in 409 answers and audit summaries. */
export const MODEL_FIELD_LABELS = {
  title: 'Tên mô hình',
  kind: 'Loại',
  unitId: 'Đơn vị',
  people: 'Người thực hiện',
  fieldId: 'Lĩnh vực',
  themeId: 'Chuyên đề',
  startedOn: 'Ngày bắt đầu',
  description: 'Mô tả',
  results: 'Kết quả',
  indicators: 'Chỉ tiêu kết quả',
  campaignIds: 'Văn bản chỉ đạo',
};

/** The model's fields as a 409 shows them. */
export function modelDisplays(
  row: repo.ModelRow,
  campaigns: { id: string; code: string }[],
): Record<keyof typeof MODEL_FIELD_LABELS, string | FieldDisplay> {
  const codes = new Map(campaigns.map((c) => [c.id, c.code]));
  return {
    ...MODEL_FIELD_LABELS,
    kind: enumDisplay(MODEL_FIELD_LABELS.kind, MODEL_KIND_LABELS),
    unitId: {
      label: MODEL_FIELD_LABELS.unitId,
      show: (value) => (value === row.unit_id ? `${row.unit_name} (${row.unit_code})` : String(value)),
    },
    fieldId: {
      label: MODEL_FIELD_LABELS.fieldId,
      show: (value) => (value === row.field_id ? row.field_name_vi : String(value)),
    },
    startedOn: { label: MODEL_FIELD_LABELS.startedOn, show: (value) => formatDateVi(String(value)) },
    people: {
      label: MODEL_FIELD_LABELS.people,
      show: (value) =>
        (value as ModelPerson[]).map((p) => (p.position ? `${p.name} (${p.position})` : p.name)).join('; '),
    },
    indicators: {
      label: MODEL_FIELD_LABELS.indicators,
      show: (value) =>
        (value as ModelIndicator[]).map((i) => `${i.indicator}: ${i.value}${i.unit ? ` ${i.unit}` : ''}`).join('; '),
    },
    campaignIds: {
      label: MODEL_FIELD_LABELS.campaignIds,
      show: (value) => (value as string[]).map((id) => codes.get(id) ?? id).join(', '),
    },
  };
}

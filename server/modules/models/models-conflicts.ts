import { formatDateVi } from '../../../common/dates';
import { MODEL_KIND_LABELS, type ModelIndicator, type ModelPerson } from '../../../common/models';
import { enumDisplay, type FieldDisplay } from '../../platform/concurrency';
import type * as repo from './models.repository';
import { MODEL_FIELD_LABELS } from './models-write';

// How a 409 on a model reads: kind labels, the unit's and the field's names, campaign codes and dates as users write
// them, read off the model as stored now (the row already carries the names).

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

import {
  COMMENDATION_FORM_LABELS,
  COMMENDATION_LEVEL_LABELS,
  COMMENDATION_SYSTEM_LABELS,
  COMMENDATION_TYPE_LABELS,
  RECIPIENT_TYPE_LABELS,
} from '../../../common/commendations';
import type { ErrorDetail } from '../../../common/errors';
import { formatDateVi } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import { describeLastChange } from '../../platform/audit';
import { enumDisplay, type FieldDisplay, type FieldDisplays } from '../../platform/concurrency';
import type { editableView } from './commendations-rules';
import type * as repo from './commendations.repository';

// How a 409 on a decision or a recipient reads: the labels the screens show for codes, names for the units and the
// campaign a row points at (the stored row already carries them), dates as Vietnamese users write them.

const dateDisplay = (label: string): FieldDisplay => ({ label, show: (value) => formatDateVi(String(value)) });

const unitDisplay = (label: string, id: string | null, code: string | null, name: string | null): FieldDisplay => ({
  label,
  show: (value) => (value === id && name ? `${name} (${code})` : String(value)),
});

/** The decision's fields as a 409 shows them, read off the decision as stored now. */
export function decisionDisplays(row: repo.DecisionRow): FieldDisplays<ReturnType<typeof editableView>> {
  return {
    number: 'Số, ký hiệu',
    decisionDate: dateDisplay('Ngày quyết định'),
    system: enumDisplay('Hệ thống', COMMENDATION_SYSTEM_LABELS),
    issuerName: 'Cơ quan ban hành',
    issuerUnitId: unitDisplay('Đơn vị ban hành', row.issuer_unit_id, row.issuer_unit_code, row.issuer_unit_name),
    unitId: unitDisplay('Đơn vị quản lý hồ sơ', row.unit_id, row.unit_code, row.unit_name),
    level: enumDisplay('Cấp khen', COMMENDATION_LEVEL_LABELS),
    form: enumDisplay('Hình thức', COMMENDATION_FORM_LABELS),
    type: enumDisplay('Loại khen thưởng', COMMENDATION_TYPE_LABELS),
    campaignId: {
      label: 'Chương trình',
      show: (value) => (value === row.campaign_id && row.campaign_code ? row.campaign_code : String(value)),
    },
    achievementFrom: dateDisplay('Thành tích từ'),
    achievementTo: dateDisplay('Thành tích đến'),
    signer: 'Người ký',
  };
}

/** One recipient's fields as a 409 shows them. */
export function recipientDisplays(row: repo.RecipientRow) {
  return {
    recipientType: enumDisplay('Tập thể/cá nhân', RECIPIENT_TYPE_LABELS),
    name: 'Tên',
    unitId: unitDisplay('Đơn vị', row.unit_id, row.unit_code, row.unit_name),
    position: 'Chức vụ',
    reason: 'Thành tích',
  };
}

/**
 * What a 409 adds beside the fields: who changed the decision last and when, and — when the caller sent no field to
 * compare (adding or removing a recipient) — how many it now commends.
 */
export async function decisionChangeNotes(
  db: DbOrTrx,
  row: repo.DecisionRow,
  withCounts = false,
): Promise<ErrorDetail[]> {
  const notes: ErrorDetail[] = [];
  const last = await describeLastChange(db, 'commendation_decision', row.id);
  if (last) {
    notes.push({ path: 'lastChange', message: last });
  }
  if (!withCounts) {
    return notes;
  }
  notes.push({
    path: 'recipients',
    message: `Quyết định hiện khen ${row.collective_count} tập thể, ${row.individual_count} cá nhân.`,
  });
  return notes;
}

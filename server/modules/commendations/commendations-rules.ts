import type {
  CommendationForm,
  CommendationLevel,
  CommendationSystem,
  CommendationType,
  RecipientType,
} from '../../../common/commendations';
import { formatDateVi } from '../../../common/dates';
import type { ErrorDetail } from '../../../common/errors';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { findCampaignByCode, findCampaignUnit, getCampaign } from '../campaigns/campaigns.service';
import * as unitsRepo from './commendations-units.repository';
import * as repo from './commendations.repository';
import type { DecisionDetail, DecisionSummary, RecipientInput, RecipientView } from './commendations.schemas';

// The rules every write of this module shares: who may touch a decision, which units recipients may name, and the
// mapping of rows to API shapes.

const ref = (id: string, code: string, name: string) => ({ id, code, name });

export function toSummary(row: repo.DecisionRow): DecisionSummary {
  return {
    id: row.id,
    number: row.number,
    decisionDate: row.decision_date,
    system: row.system as CommendationSystem,
    issuerName: row.issuer_name,
    issuerUnit: row.issuer_unit_id ? ref(row.issuer_unit_id, row.issuer_unit_code!, row.issuer_unit_name!) : null,
    unit: ref(row.unit_id, row.unit_code, row.unit_name),
    level: row.level as CommendationLevel,
    form: row.form as CommendationForm,
    type: row.type as CommendationType,
    campaign: row.campaign_id ? { id: row.campaign_id, code: row.campaign_code! } : null,
    achievementFrom: row.achievement_from,
    achievementTo: row.achievement_to,
    signer: row.signer,
    version: row.version,
    collectiveCount: row.collective_count,
    individualCount: row.individual_count,
  };
}

export function toRecipient(row: repo.RecipientRow): RecipientView {
  return {
    id: row.id,
    recipientType: row.recipient_type as RecipientType,
    name: row.name,
    unit: ref(row.unit_id, row.unit_code, row.unit_name),
    position: row.position,
    reason: row.reason,
  };
}

/** The decision in the shape of an edit, for 409 answers that say what changed. */
export function editableView(row: repo.DecisionRow) {
  return {
    number: row.number,
    decisionDate: row.decision_date,
    system: row.system,
    issuerName: row.issuer_name,
    issuerUnitId: row.issuer_unit_id,
    unitId: row.unit_id,
    level: row.level,
    form: row.form,
    type: row.type,
    campaignId: row.campaign_id,
    achievementFrom: row.achievement_from,
    achievementTo: row.achievement_to,
    signer: row.signer,
    version: row.version,
  };
}

export const decisionSearchKey = (number: string, issuerName: string) => foldVietnamese(`${number} ${issuerName}`);

/**
 * Loads a decision the caller may see (owner unit in reach, else 404) and holds `minRole` on (else 403).
 */
export async function loadDecision(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  minRole: 'viewer' | 'editor' | 'manager',
): Promise<repo.DecisionRow> {
  const row = await repo.findDecision(db, id);
  if (!row || !actor.scope.can(row.unit_path, 'viewer')) {
    throw notFound('Quyết định khen thưởng');
  }
  if (!actor.scope.can(row.unit_path, minRole)) {
    throw forbidden(
      minRole === 'manager'
        ? 'Chỉ người quản lý của đơn vị mới được xóa quyết định khen thưởng.'
        : 'Bạn không có quyền nhập liệu cho đơn vị quản lý quyết định này.',
    );
  }
  return row;
}

/**
 * Checks recipients' units: each exists, was active on the decision date (the unit as it was then) and lies where
 * the caller may enter records. Returns the problems as details on `pathOf(i)`.
 */
export async function checkRecipientUnits(
  db: DbOrTrx,
  actor: Actor,
  unitIds: string[],
  day: string,
  pathOf: (index: number) => string,
): Promise<ErrorDetail[]> {
  const units = await unitsRepo.findUnits(db, [...new Set(unitIds)], day);
  const details: ErrorDetail[] = [];
  unitIds.forEach((id, index) => {
    const unit = units.get(id);
    if (!unit || !actor.scope.can(unit.path, 'viewer')) {
      details.push({ path: pathOf(index), message: 'Đơn vị không tồn tại hoặc ngoài phạm vi của bạn.' });
    } else if (!actor.scope.can(unit.path, 'editor')) {
      details.push({ path: pathOf(index), message: `Bạn không có quyền nhập liệu cho ${unit.name}.` });
    } else if (unit.valid_from > day || (unit.valid_to !== null && unit.valid_to < day)) {
      details.push({
        path: pathOf(index),
        message: `${unit.name} (${unit.code}) không hoạt động vào ngày ${formatDateVi(day)}; chọn đơn vị như vào ngày quyết định.`,
      });
    }
  });
  return details;
}

/** Owner and issuer of a decision: the issuer when it is ours, else the unit the user chose. */
export async function resolveOwner(
  db: DbOrTrx,
  actor: Actor,
  input: { issuerUnitId?: string | null; unitId?: string; decisionDate: string },
): Promise<{ ownerId: string; issuerUnitId: string | null }> {
  const issuerUnitId = input.issuerUnitId ?? null;
  if (issuerUnitId && input.unitId && input.unitId !== issuerUnitId) {
    const message = 'Khi cơ quan ban hành là một đơn vị trong hệ thống, hồ sơ thuộc chính đơn vị đó.';
    throw validationFailed(message, [{ path: 'body.unitId', message }]);
  }
  const ownerId = issuerUnitId ?? input.unitId;
  if (!ownerId) {
    const message = 'Chọn đơn vị ban hành hoặc đơn vị quản lý hồ sơ.';
    throw validationFailed(message, [{ path: 'body.unitId', message }]);
  }
  await assertUnitAccess(db, actor, ownerId, 'editor');
  if (issuerUnitId) {
    const issuer = (await unitsRepo.findUnits(db, [issuerUnitId], input.decisionDate)).get(issuerUnitId)!;
    if (issuer.valid_from > input.decisionDate || (issuer.valid_to !== null && issuer.valid_to < input.decisionDate)) {
      const message = `${issuer.name} không hoạt động vào ngày ${formatDateVi(input.decisionDate)}.`;
      throw validationFailed(message, [{ path: 'body.issuerUnitId', message }]);
    }
  }
  return { ownerId, issuerUnitId };
}

export async function checkCampaign(db: DbOrTrx, campaignId: string | null | undefined): Promise<void> {
  if (campaignId && !(await findCampaignUnit(db, campaignId))) {
    const message = 'Chương trình, chỉ thị không tồn tại.';
    throw validationFailed(message, [{ path: 'body.campaignId', message }]);
  }
}

export function checkPeriod(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && to < from) {
    const message = 'Ngày kết thúc thời gian thành tích phải sau ngày bắt đầu.';
    throw validationFailed(message, [{ path: 'body.achievementTo', message }]);
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

export function duplicateNumber(): never {
  const message = 'Cơ quan này đã có quyết định cùng số, ký hiệu và ngày.';
  throw conflict(message, [{ path: 'body.number', message }]);
}

export function recipientWrite(
  decision: { id: string; decision_date: string; level: string; campaign_id: string | null },
  input: RecipientInput,
  sortOrder: number,
): repo.RecipientWrite {
  return {
    decision_id: decision.id,
    recipient_type: input.recipientType,
    name: input.name,
    unit_id: input.unitId,
    position: input.position,
    reason: input.reason,
    search_key: foldVietnamese(input.name),
    decision_date: decision.decision_date,
    level: decision.level,
    campaign_id: decision.campaign_id,
    sort_order: sortOrder,
  };
}

export async function describe(db: DbOrTrx, actor: Actor, row: repo.DecisionRow): Promise<DecisionDetail> {
  const recipients = await repo.listRecipients(db, row.id);
  return {
    ...toSummary(row),
    recipients: recipients.map(toRecipient),
    abilities: {
      canEdit: actor.scope.can(row.unit_path, 'editor'),
      canDelete: actor.scope.can(row.unit_path, 'manager'),
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A campaign named by id (as the caller may see it) or by code (`05-CT/TW`), through the campaigns service. */
export async function findCampaignRef(
  db: DbOrTrx,
  actor: Actor,
  idOrCode: string,
): Promise<{ id: string; code: string } | undefined> {
  if (UUID.test(idOrCode)) {
    try {
      const campaign = await getCampaign(db, actor, idOrCode);
      return { id: campaign.id, code: campaign.code };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        return undefined;
      }
      throw error;
    }
  }
  const campaign = await findCampaignByCode(db, idOrCode);
  return campaign && { id: campaign.id, code: campaign.code };
}

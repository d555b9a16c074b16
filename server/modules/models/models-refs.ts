import { formatDateVi, todayIso } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { AppError, notFound, validationFailed } from '../../platform/errors';
import { findCampaignIdsByCodes } from '../campaigns/campaigns-lookup';
import { isCampaignVisible } from '../campaigns/campaigns.service';
import { isThemeVisible } from '../campaigns/study-themes.service';
import { getCommendationDecision } from '../commendations/commendations.service';
import { resolveUnit } from '../org-units/org-units.service';
import { findModelField } from './model-fields.service';
import * as links from './models-links.repository';

// What a model points at in other modules (units, campaigns, themes, decisions), looked up through their services.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(path: string, message: string): AppError {
  return validationFailed(message, [{ path, message }]);
}

export interface UnitOnDate {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
}

/** A unit filter (id or code, the code resolving at `at`) the caller can see, or NOT_FOUND. */
export async function resolveVisibleUnit(db: DbOrTrx, actor: Actor, ref: string, at = todayIso()): Promise<UnitOnDate> {
  const unit = await resolveUnit(db, ref, at);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  return unit;
}

/**
 * The unit a model (or a replication) is recorded under: it must exist on `day` (records point at the unit as it
 * was), lie in the caller's reach (404 otherwise) and be one they may enter records for (403).
 */
export async function unitForRecord(
  db: DbOrTrx,
  actor: Actor,
  unitId: string,
  day: string,
  path: string,
): Promise<UnitOnDate> {
  const unit = await resolveUnit(db, unitId, day);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  if (!actor.scope.can(unit.path, 'editor')) {
    throw new AppError('FORBIDDEN', `Bạn không có quyền nhập liệu cho ${unit.name}.`);
  }
  if (unit.valid_from > day || (unit.valid_to !== null && unit.valid_to < day)) {
    throw invalid(
      path,
      `${unit.name} (${unit.code}) không hoạt động vào ngày ${formatDateVi(day)}; chọn đơn vị của ngày đó.`,
    );
  }
  return unit;
}

/** A field filter (id or code) or a field chosen in a form; `mustBeActive` for new choices. */
export async function resolveField(
  db: DbOrTrx,
  ref: string,
  path: string,
  mustBeActive: boolean,
): Promise<{ id: string; code: string }> {
  const field = await findModelField(db, ref);
  if (!field) {
    throw invalid(path, `Không có lĩnh vực "${ref}".`);
  }
  if (mustBeActive && !field.is_active) {
    throw invalid(path, `Lĩnh vực "${field.name_vi}" không còn được dùng; chọn lĩnh vực khác.`);
  }
  return field;
}

/** A campaign filter by id or code (05-CT/TW) that the caller can see, or NOT_FOUND. */
export async function resolveCampaignRef(
  db: DbOrTrx,
  actor: Actor,
  ref: string,
): Promise<{ id: string; code: string }> {
  const id = UUID.test(ref) ? ref : (await findCampaignIdsByCodes(db, [ref])).get(ref);
  if (!id || !(await isCampaignVisible(db, actor, id))) {
    throw notFound(`Văn bản ${ref}`);
  }
  const [row] = await links.findCampaignCodes(db, [id]);
  return { id, code: row?.code ?? ref };
}

/** Every campaign id must name a campaign the caller can see. */
export async function checkCampaignIds(db: DbOrTrx, actor: Actor, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const id of unique) {
    if (!(await isCampaignVisible(db, actor, id))) {
      throw invalid('body.campaignIds', 'Có văn bản chỉ đạo không tồn tại hoặc bạn không có quyền xem.');
    }
  }
  return unique;
}

/** The study theme must be one the caller can see. */
export async function checkTheme(db: DbOrTrx, actor: Actor, themeId: string | null | undefined): Promise<void> {
  if (themeId && !(await isThemeVisible(db, actor, themeId))) {
    throw invalid('body.themeId', 'Chuyên đề không tồn tại hoặc bạn không có quyền xem.');
  }
}

/** The decision must be one the caller can see; it is the commendations module that says so. */
export async function checkDecision(db: DbOrTrx, actor: Actor, decisionId: string | null | undefined): Promise<void> {
  if (!decisionId) {
    return;
  }
  try {
    await getCommendationDecision(db, actor, decisionId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw invalid('body.decisionId', 'Quyết định khen thưởng không tồn tại hoặc bạn không có quyền xem.');
    }
    throw error;
  }
}

/** The decision's number and date when the caller may see it (a model page names its recognising decision). */
export async function findVisibleDecision(
  db: DbOrTrx,
  actor: Actor,
  decisionId: string | null,
): Promise<{ id: string; number: string; decisionDate: string } | undefined> {
  if (!decisionId) {
    return undefined;
  }
  try {
    const decision = await getCommendationDecision(db, actor, decisionId);
    return { id: decision.id, number: decision.number, decisionDate: decision.decisionDate };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return undefined;
    }
    throw error;
  }
}

import type { CampaignKind } from '../../../common/campaigns';
import { inTransaction, type DbOrTrx } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { themeDisplays } from './campaigns-conflicts';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { syncDocumentUnit } from '../documents/documents.service';
import { campaignSearchKey, checkScopeUnit, loadVisible, searchPatterns, visibleTo } from './campaigns-access';
import * as campaigns from './campaigns.repository';
import * as repo from './study-themes.repository';
import {
  type CreateThemeInput,
  type ListThemesQuery,
  type ThemeDetail,
  type ThemeSummary,
  type UpdateThemeInput,
} from './study-themes.schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toSummary(actor: Actor, row: repo.ThemeRow): ThemeSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    campaign: {
      id: row.campaign_id,
      code: row.campaign_code,
      kind: row.campaign_kind as CampaignKind,
      title: row.campaign_title,
    },
    scopeUnit: { id: row.scope_unit_id, code: row.scope_code, name: row.scope_name },
    version: row.version,
    abilities: {
      canEdit: actor.scope.can(row.scope_path, 'manager'),
      canAttach: actor.scope.can(row.scope_path, 'editor'),
    },
  };
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

/** A campaign by id or code that the caller can see (404 otherwise). */
async function visibleCampaignId(db: DbOrTrx, actor: Actor, idOrCode: string): Promise<string> {
  const id = UUID.test(idOrCode) ? idOrCode : (await campaigns.findByCodes(db, [idOrCode]))[0]?.id;
  if (!id) {
    throw notFound('Văn bản');
  }
  return (await loadVisible(db, actor, id)).id;
}

/**
 * Themes the caller can see (scope in reach or above it), filtered in SQL by campaign (id or code), a unit's subtree
 * (`unit`), the units above a unit (`appliesTo`), a period overlapping [from, to] or containing `at`, and a
 * diacritics-insensitive search on code and title.
 */
export async function listThemes(
  db: DbOrTrx,
  actor: Actor,
  query: ListThemesQuery,
): Promise<{ items: ThemeSummary[]; total: number; abilities: { canCreate: boolean } }> {
  const campaignId = query.campaign ? await visibleCampaignId(db, actor, query.campaign) : undefined;
  const underPath = query.unit ? await assertUnitAccess(db, actor, query.unit, 'viewer') : undefined;
  const abovePath = query.appliesTo ? await assertUnitAccess(db, actor, query.appliesTo, 'viewer') : undefined;
  const { rows, total } = await repo.listThemes(
    db,
    {
      visible: visibleTo(actor),
      campaignId,
      underPath,
      abovePath,
      from: query.at ?? query.from,
      to: query.at ?? query.to,
      patterns: searchPatterns(query.search),
      isNarrowestFirst: abovePath !== undefined && query.at !== undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const canCreate = actor.scope.isSystem || actor.scope.roots('manager').length > 0;
  return { items: rows.map((row) => toSummary(actor, row)), total, abilities: { canCreate } };
}

/**
 * The themes in force for a unit on a date: their period contains `date` and their scope is the unit or one above
 * it (the national theme, the province's sub-theme). Narrowest scope first. NOT_FOUND when the unit is out of reach.
 */
export async function findCurrentThemes(
  db: DbOrTrx,
  actor: Actor,
  unitId: string,
  date: string,
): Promise<ThemeSummary[]> {
  const path = await assertUnitAccess(db, actor, unitId, 'viewer');
  const { rows } = await repo.listThemes(
    db,
    { visible: visibleTo(actor), abovePath: path, from: date, to: date, isNarrowestFirst: true },
    { offset: 0, limit: 200 },
  );
  return rows.map((row) => toSummary(actor, row));
}

async function loadTheme(db: DbOrTrx, actor: Actor, id: string): Promise<repo.ThemeRow> {
  const row = await repo.findTheme(db, id, visibleTo(actor));
  if (!row) {
    throw notFound('Chuyên đề');
  }
  return row;
}

/** One theme the caller can see, with what they may do with it; NOT_FOUND otherwise. */
export async function getTheme(db: DbOrTrx, actor: Actor, id: string): Promise<ThemeDetail> {
  return toSummary(actor, await loadTheme(db, actor, id));
}

/** Whether the caller can see the theme (its documents follow the same rule). */
export async function isThemeVisible(db: DbOrTrx, actor: Actor, id: string): Promise<boolean> {
  return (await repo.findTheme(db, id, visibleTo(actor))) !== undefined;
}

/** The scope unit of a theme, with no access check. */
export function findThemeUnit(db: DbOrTrx, id: string): Promise<string | undefined> {
  return repo.findThemeUnit(db, id);
}

function codeTaken(code: string): AppError {
  const message = `Mã chuyên đề ${code} đã có`;
  return conflict(message, [{ path: 'body.code', message }]);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** A theme's scope lies within its campaign's: a province details a national campaign, not the other way round. */
async function checkPlacement(db: DbOrTrx, campaignId: string, scopePath: string): Promise<void> {
  const campaign = await campaigns.findScope(db, campaignId);
  if (campaign && !isUnder(scopePath, campaign.scope_path)) {
    const message = `Phạm vi của chuyên đề phải nằm trong phạm vi của văn bản ${campaign.code}`;
    throw validationFailed(message, [{ path: 'body.scopeUnitId', message }]);
  }
}

function auditView(values: repo.ThemeValues) {
  return {
    campaignId: values.campaign_id,
    code: values.code,
    title: values.title,
    description: values.description,
    periodStart: values.period_start,
    periodEnd: values.period_end,
    scopeUnitId: values.scope_unit_id,
  };
}

/** Adds a theme to a campaign the caller can see, scoped to a unit they manage inside the campaign's scope. */
export async function createTheme(db: DbOrTrx, actor: Actor, input: CreateThemeInput): Promise<ThemeDetail> {
  const campaign = await loadVisible(db, actor, input.campaignId);
  const path = await checkScopeUnit(db, actor, input.scopeUnitId, input.periodStart);
  await checkPlacement(db, campaign.id, path);
  const values: repo.ThemeValues = {
    campaign_id: campaign.id,
    code: input.code,
    title: input.title,
    description: input.description || null,
    period_start: input.periodStart,
    period_end: input.periodEnd,
    scope_unit_id: input.scopeUnitId,
    search_key: campaignSearchKey(input.code, input.title),
  };
  const id = await inTransaction(db, async (trx) => {
    if (await repo.findThemeIdByCode(trx, input.code)) {
      throw codeTaken(input.code);
    }
    let created: string;
    try {
      created = await repo.insertTheme(trx, values);
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(input.code) : error;
    }
    await recordAudit(trx, actor, {
      action: 'study-theme.create',
      entityType: 'study_theme',
      entityId: created,
      unitId: input.scopeUnitId,
      summary: `Thêm chuyên đề ${input.code} của ${campaign.code}`,
      after: auditView(values),
    });
    return created;
  });
  return getTheme(db, actor, id);
}

function editableView(row: repo.ThemeRow) {
  return {
    code: row.code,
    title: row.title,
    description: row.description,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    scopeUnitId: row.scope_unit_id,
    version: row.version,
  };
}

/** Changes a theme the caller manages, if `version` is still current (else 409 listing what changed). */
export async function updateTheme(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  input: UpdateThemeInput,
): Promise<ThemeDetail> {
  const row = await loadTheme(db, actor, id);
  if (!actor.scope.can(row.scope_path, 'manager')) {
    throw forbidden(`Chỉ người quản lý của ${row.scope_name} hoặc cấp trên mới được sửa chuyên đề này.`);
  }
  assertVersion(editableView(row), input, themeDisplays(row));
  const before: repo.ThemeValues = {
    campaign_id: row.campaign_id,
    code: row.code,
    title: row.title,
    description: row.description,
    period_start: row.period_start,
    period_end: row.period_end,
    scope_unit_id: row.scope_unit_id,
    search_key: '',
  };
  const next: repo.ThemeValues = {
    ...before,
    code: input.code ?? row.code,
    title: input.title ?? row.title,
    description: input.description === undefined ? row.description : input.description || null,
    period_start: input.periodStart ?? row.period_start,
    period_end: input.periodEnd ?? row.period_end,
    scope_unit_id: input.scopeUnitId ?? row.scope_unit_id,
  };
  next.search_key = campaignSearchKey(next.code, next.title);
  if (next.period_end < next.period_start) {
    const message = 'Ngày kết thúc không được trước ngày bắt đầu';
    throw validationFailed(message, [{ path: 'body.periodEnd', message }]);
  }
  const isScopeMoved = next.scope_unit_id !== row.scope_unit_id;
  if (isScopeMoved || next.period_start !== row.period_start) {
    const path = await checkScopeUnit(db, actor, next.scope_unit_id, next.period_start);
    await checkPlacement(db, row.campaign_id, path);
  }
  await inTransaction(db, async (trx) => {
    if (next.code.toUpperCase() !== row.code.toUpperCase() && (await repo.findThemeIdByCode(trx, next.code))) {
      throw codeTaken(next.code);
    }
    let isUpdated: boolean;
    try {
      isUpdated = await repo.updateTheme(trx, id, input.version, next);
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(next.code) : error;
    }
    if (!isUpdated) {
      const fresh = await loadTheme(trx, actor, id);
      assertVersion(editableView(fresh), input, themeDisplays(fresh));
      throw conflict('Chuyên đề đã được người khác thay đổi. Hãy tải lại để xem bản mới nhất.');
    }
    if (isScopeMoved) {
      await syncDocumentUnit(trx, 'study_theme', id, next.scope_unit_id);
    }
    await recordAudit(trx, actor, {
      action: 'study-theme.update',
      entityType: 'study_theme',
      entityId: id,
      unitId: next.scope_unit_id,
      summary: `Sửa chuyên đề ${next.code}`,
      before: auditView({ ...before, search_key: '' }),
      after: auditView(next),
    });
  });
  return getTheme(db, actor, id);
}

import {
  CAMPAIGN_RELATION_LABELS,
  type CampaignKind,
  type CampaignRelation,
  type LinkDirection,
} from '../../../common/campaigns';
import { inTransaction, type DbOrTrx } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { campaignDisplays } from './campaigns-conflicts';
import { AppError, conflict, validationFailed } from '../../platform/errors';
import { syncDocumentUnit } from '../documents/documents.service';
import {
  campaignSearchKey,
  checkScopeUnit,
  loadManaged,
  loadVisible,
  searchPatterns,
  visibleTo,
} from './campaigns-access';
import * as repo from './campaigns.repository';
import {
  type CampaignDetail,
  type CampaignSummary,
  type CreateCampaignInput,
  type ListCampaignsQuery,
  type UpdateCampaignInput,
} from './campaigns.schemas';

export { findCurrentThemes, getTheme } from './study-themes.service';
export { findCampaignByCode, findCampaignIdsByCodes, getCampaignByCode, type CampaignByCode } from './campaigns-lookup';

function canCreateAnywhere(actor: Actor): boolean {
  return actor.scope.isSystem || actor.scope.roots('manager').length > 0;
}

function toLink(row: repo.LinkRow): CampaignSummary['links'][number] {
  const relation = row.relation as CampaignRelation;
  const direction = row.direction as LinkDirection;
  return {
    relation,
    direction,
    label: CAMPAIGN_RELATION_LABELS[relation][direction].vi,
    campaign: { id: row.id, code: row.code, kind: row.kind as CampaignKind, title: row.title, issuedOn: row.issued_on },
  };
}

async function describe(db: DbOrTrx, actor: Actor, rows: repo.CampaignRow[]): Promise<CampaignSummary[]> {
  const links = await repo.listLinks(
    db,
    rows.map((row) => row.id),
    visibleTo(actor),
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    kind: row.kind as CampaignKind,
    title: row.title,
    issuingBody: row.issuing_body,
    issuedOn: row.issued_on,
    summary: row.summary,
    scopeUnit: { id: row.scope_unit_id, code: row.scope_code, name: row.scope_name },
    themesCount: row.themes_count,
    links: links.filter((link) => link.owner_id === row.id).map(toLink),
    version: row.version,
  }));
}

/**
 * Campaigns the caller can see (scope in reach or above it), filtered in SQL by kind, a diacritics-insensitive search
 * on code and title, a unit's subtree (`unit`) or the units above a unit (`appliesTo`); newest first.
 */
export async function listCampaigns(
  db: DbOrTrx,
  actor: Actor,
  query: ListCampaignsQuery,
): Promise<{ items: CampaignSummary[]; total: number; abilities: { canCreate: boolean } }> {
  const underPath = query.unit ? await assertUnitAccess(db, actor, query.unit, 'viewer') : undefined;
  const abovePath = query.appliesTo ? await assertUnitAccess(db, actor, query.appliesTo, 'viewer') : undefined;
  const { rows, total } = await repo.listCampaigns(
    db,
    { visible: visibleTo(actor), kind: query.kind, patterns: searchPatterns(query.search), underPath, abovePath },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await describe(db, actor, rows), total, abilities: { canCreate: canCreateAnywhere(actor) } };
}

/** Codes of the campaigns the caller can see, newest first, for an import template's drop-down list. */
export async function listVisibleCampaignCodes(db: DbOrTrx, actor: Actor, limit = 2000): Promise<string[]> {
  const { rows } = await repo.listCampaigns(db, { visible: visibleTo(actor) }, { offset: 0, limit });
  return rows.map((row) => row.code);
}

/** One campaign the caller can see, with its links both ways and what the caller may do with it. */
export async function getCampaign(db: DbOrTrx, actor: Actor, id: string): Promise<CampaignDetail> {
  const row = await loadVisible(db, actor, id);
  const [summary] = await describe(db, actor, [row]);
  return {
    ...summary,
    abilities: {
      canEdit: actor.scope.can(row.scope_path, 'manager'),
      canAttach: actor.scope.can(row.scope_path, 'editor'),
    },
  };
}

/** Whether the caller can see the campaign (documents attached to it follow the same rule). */
export async function isCampaignVisible(db: DbOrTrx, actor: Actor, id: string): Promise<boolean> {
  return (await repo.findCampaign(db, id, visibleTo(actor))) !== undefined;
}

/** The scope unit of a campaign, with no access check (the document registry asks, then checks). */
export async function findCampaignUnit(db: DbOrTrx, id: string): Promise<string | undefined> {
  return (await repo.findScope(db, id))?.scope_unit_id;
}

function codeTaken(code: string): AppError {
  const message = `Số và ký hiệu ${code} đã có`;
  return conflict(message, [{ path: 'body.code', message }]);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** The fields a caller edits, named as in the request, for the 409 comparison. */
function editableView(row: repo.CampaignRow) {
  return {
    code: row.code,
    kind: row.kind,
    title: row.title,
    issuingBody: row.issuing_body,
    issuedOn: row.issued_on,
    summary: row.summary,
    scopeUnitId: row.scope_unit_id,
    version: row.version,
  };
}

function auditView(values: repo.CampaignValues) {
  return {
    code: values.code,
    kind: values.kind,
    title: values.title,
    issuingBody: values.issuing_body,
    issuedOn: values.issued_on,
    summary: values.summary,
    scopeUnitId: values.scope_unit_id,
  };
}

/** Creates a campaign scoped to a unit the caller manages (an admin of a unit above counts). */
export async function createCampaign(db: DbOrTrx, actor: Actor, input: CreateCampaignInput): Promise<CampaignDetail> {
  await checkScopeUnit(db, actor, input.scopeUnitId, input.issuedOn);
  const values: repo.CampaignValues = {
    code: input.code,
    kind: input.kind,
    title: input.title,
    issuing_body: input.issuingBody,
    issued_on: input.issuedOn,
    summary: input.summary || null,
    scope_unit_id: input.scopeUnitId,
    search_key: campaignSearchKey(input.code, input.title),
  };
  const id = await inTransaction(db, async (trx) => {
    if ((await repo.findByCodes(trx, [input.code])).length > 0) {
      throw codeTaken(input.code);
    }
    let created: string;
    try {
      created = await repo.insertCampaign(trx, values);
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(input.code) : error;
    }
    await recordAudit(trx, actor, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: created,
      unitId: input.scopeUnitId,
      summary: `Thêm văn bản ${input.code}`,
      after: auditView(values),
    });
    return created;
  });
  return getCampaign(db, actor, id);
}

/**
 * Changes a campaign the caller manages, if `version` is still current (else 409 listing what changed). Moving its
 * scope needs manager on the new unit too, and every theme must still fall inside it.
 */
export async function updateCampaign(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  input: UpdateCampaignInput,
): Promise<CampaignDetail> {
  const row = await loadManaged(db, actor, id);
  assertVersion(editableView(row), input, campaignDisplays(row));
  const before: repo.CampaignValues = {
    code: row.code,
    kind: row.kind,
    title: row.title,
    issuing_body: row.issuing_body,
    issued_on: row.issued_on,
    summary: row.summary,
    scope_unit_id: row.scope_unit_id,
    search_key: campaignSearchKey(row.code, row.title),
  };
  const next: repo.CampaignValues = {
    code: input.code ?? before.code,
    kind: input.kind ?? before.kind,
    title: input.title ?? before.title,
    issuing_body: input.issuingBody ?? before.issuing_body,
    issued_on: input.issuedOn ?? before.issued_on,
    summary: input.summary === undefined ? before.summary : input.summary || null,
    scope_unit_id: input.scopeUnitId ?? before.scope_unit_id,
    search_key: '',
  };
  next.search_key = campaignSearchKey(next.code, next.title);
  const isScopeMoved = next.scope_unit_id !== before.scope_unit_id;
  if (isScopeMoved || next.issued_on !== before.issued_on) {
    const path = await checkScopeUnit(db, actor, next.scope_unit_id, next.issued_on);
    if (isScopeMoved && (await repo.countThemesOutside(db, id, path)) > 0) {
      const message = 'Có chuyên đề của văn bản nằm ngoài phạm vi mới; hãy sửa phạm vi các chuyên đề đó trước';
      throw validationFailed(message, [{ path: 'body.scopeUnitId', message }]);
    }
  }
  await inTransaction(db, async (trx) => {
    if (next.code.toUpperCase() !== before.code.toUpperCase()) {
      if ((await repo.findByCodes(trx, [next.code])).length > 0) {
        throw codeTaken(next.code);
      }
    }
    let isUpdated: boolean;
    try {
      isUpdated = await repo.updateCampaign(trx, id, input.version, next);
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(next.code) : error;
    }
    if (!isUpdated) {
      // Changed between our read and our write: answer with what it holds now.
      const fresh = await loadVisible(trx, actor, id);
      assertVersion(editableView(fresh), input, campaignDisplays(fresh));
      throw conflict('Văn bản đã được người khác thay đổi. Hãy tải lại để xem bản mới nhất.');
    }
    if (isScopeMoved) {
      await syncDocumentUnit(trx, 'campaign', id, next.scope_unit_id);
    }
    await recordAudit(trx, actor, {
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: id,
      unitId: next.scope_unit_id,
      summary: `Sửa văn bản ${next.code}`,
      before: auditView(before),
      after: auditView(next),
    });
  });
  return getCampaign(db, actor, id);
}

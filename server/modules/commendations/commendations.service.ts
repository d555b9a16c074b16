import crypto from 'node:crypto';
import { sql } from 'kysely';
import { formatDateVi, todayIso } from '../../../common/dates';
import { foldVietnamese } from '../../../common/text';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersionWithNotes } from '../../platform/concurrency';
import { decisionChangeNotes, decisionDisplays } from './commendations-conflicts';
import { notFound, validationFailed } from '../../platform/errors';
import { resolveUnit } from '../org-units/org-units.service';
import { listDecisions, type ResolvedFilters } from './commendations-filters.repository';
import {
  checkCampaign,
  checkPeriod,
  checkRecipientUnits,
  decisionSearchKey,
  describe,
  duplicateNumber,
  editableView,
  findCampaignRef,
  isUniqueViolation,
  loadDecision,
  recipientWrite,
  resolveOwner,
  toRecipient,
  toSummary,
} from './commendations-rules';
import * as repo from './commendations.repository';
import type {
  CreateDecisionInput,
  DecisionDetail,
  DecisionFilters,
  DecisionSummary,
  ListDecisionsQuery,
  UpdateDecisionInput,
} from './commendations.schemas';

/** The owner unit's path in list queries (alias `ou`), for scope conditions. */
const ownerPathRef = sql`ou.path`;

/** Resolves the list filters' references: a unit out of reach answers 404, an unknown campaign 400. */
export async function resolveFilters(db: DbOrTrx, actor: Actor, query: DecisionFilters): Promise<ResolvedFilters> {
  const { unit, campaign, search, ...rest } = query;
  const filters: ResolvedFilters = { ...rest };
  if (unit) {
    const found = await resolveUnit(db, unit, query.to ?? todayIso());
    if (!found || !actor.scope.can(found.path, 'viewer')) {
      throw notFound('Đơn vị');
    }
    filters.unitPath = found.path;
  }
  if (campaign) {
    const found = await findCampaignRef(db, actor, campaign);
    if (!found) {
      const message = `Không có chương trình, chỉ thị "${campaign}".`;
      throw validationFailed(message, [{ path: 'query.campaign', message }]);
    }
    filters.campaignId = found.id;
  }
  const folded = search ? foldVietnamese(search) : '';
  if (folded) {
    filters.search = folded;
  }
  return filters;
}

/**
 * Decisions whose owner unit is in the caller's reach, filtered (level, form, type, campaign, dates, a unit subtree
 * and recipient type on the recipients) and searched without diacritics on number and recipient names; newest first.
 */
export async function listCommendationDecisions(
  db: DbOrTrx,
  actor: Actor,
  query: ListDecisionsQuery,
): Promise<{ items: DecisionSummary[]; total: number }> {
  const { page, pageSize, ...filterQuery } = query;
  const filters = await resolveFilters(db, actor, filterQuery);
  const { rows, total } = await listDecisions(db, filters, actor.scope.sqlContains(ownerPathRef, 'viewer'), {
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return { items: rows.map(toSummary), total };
}

/** One decision with its recipients (units named as on the decision date) and what the caller may do. */
export async function getCommendationDecision(db: DbOrTrx, actor: Actor, id: string): Promise<DecisionDetail> {
  const row = await loadDecision(db, actor, id, 'viewer');
  return describe(db, actor, row);
}

/** Creates a decision with its recipients in one transaction, audited. Editor of the owner unit. */
export async function createCommendationDecision(
  db: Db,
  actor: Actor,
  input: CreateDecisionInput,
): Promise<DecisionDetail> {
  const { ownerId, issuerUnitId } = await resolveOwner(db, actor, input);
  checkPeriod(input.achievementFrom, input.achievementTo);
  await checkCampaign(db, input.campaignId);
  const problems = await checkRecipientUnits(
    db,
    actor,
    input.recipients.map((r) => r.unitId),
    input.decisionDate,
    (i) => `body.recipients.${i}.unitId`,
  );
  if (problems.length > 0) {
    throw validationFailed(problems[0].message, problems);
  }
  const id = crypto.randomUUID();
  const decision: repo.DecisionWrite = {
    number: input.number,
    decision_date: input.decisionDate,
    system: input.system,
    issuer_name: input.issuerName,
    issuer_unit_id: issuerUnitId,
    unit_id: ownerId,
    level: input.level,
    form: input.form,
    type: input.type,
    campaign_id: input.campaignId ?? null,
    achievement_from: input.achievementFrom ?? null,
    achievement_to: input.achievementTo ?? null,
    signer: input.signer,
    search_key: decisionSearchKey(input.number, input.issuerName),
  };
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertDecisions(trx, [{ ...decision, id, created_by: actor.userId }]);
      const stored = {
        id,
        decision_date: decision.decision_date,
        level: decision.level,
        campaign_id: decision.campaign_id,
      };
      await repo.insertRecipients(
        trx,
        input.recipients.map((r, i) => recipientWrite(stored, r, i)),
      );
      await recordAudit(trx, actor, {
        action: 'commendation.create',
        entityType: 'commendation_decision',
        entityId: id,
        unitId: ownerId,
        summary: `Thêm quyết định khen thưởng ${input.number} ngày ${formatDateVi(input.decisionDate)} (${input.recipients.length} người, tập thể)`,
        after: input,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      duplicateNumber();
    }
    throw error;
  }
  return getCommendationDecision(db, actor, id);
}

/**
 * Changes a decision's fields. `version` is the one the caller read: if the decision moved on, 409 lists what it
 * holds now. A new date must suit every recipient's unit (records point at units as they were on that date).
 */
export async function updateCommendationDecision(
  db: Db,
  actor: Actor,
  id: string,
  input: UpdateDecisionInput,
): Promise<DecisionDetail> {
  const row = await loadDecision(db, actor, id, 'editor');
  await assertVersionWithNotes(editableView(row), input, decisionDisplays(row), () => decisionChangeNotes(db, row));
  const current = editableView(row);
  const next = { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  if (input.issuerUnitId !== undefined || input.unitId !== undefined || input.decisionDate !== undefined) {
    const issuerUnitId = input.issuerUnitId === undefined ? current.issuerUnitId : input.issuerUnitId;
    const unitId = input.unitId ?? (issuerUnitId ? undefined : current.unitId);
    const owner = await resolveOwner(db, actor, { issuerUnitId, unitId, decisionDate: next.decisionDate });
    next.unitId = owner.ownerId;
    next.issuerUnitId = owner.issuerUnitId;
  }
  checkPeriod(next.achievementFrom, next.achievementTo);
  await checkCampaign(db, input.campaignId);
  if (next.decisionDate !== current.decisionDate) {
    const recipients = await repo.listRecipients(db, id);
    const problems = await checkRecipientUnits(
      db,
      actor,
      recipients.map((r) => r.unit_id),
      next.decisionDate,
      (i) => `recipients.${i}.unitId`,
    );
    if (problems.length > 0) {
      const message = `Có ${problems.length} người, tập thể thuộc đơn vị không hoạt động vào ngày ${formatDateVi(next.decisionDate)}; sửa đơn vị của họ trước.`;
      throw validationFailed(message, [{ path: 'body.decisionDate', message }, ...problems]);
    }
  }
  const values: Partial<repo.DecisionWrite> = {
    number: next.number,
    decision_date: next.decisionDate,
    system: next.system,
    issuer_name: next.issuerName,
    issuer_unit_id: next.issuerUnitId,
    unit_id: next.unitId,
    level: next.level,
    form: next.form,
    type: next.type,
    campaign_id: next.campaignId ?? null,
    achievement_from: next.achievementFrom ?? null,
    achievement_to: next.achievementTo ?? null,
    signer: next.signer ?? null,
    search_key: decisionSearchKey(next.number, next.issuerName),
  };
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateDecision(trx, id, input.version, values))) {
        const fresh = (await repo.findDecision(trx, id)) ?? row;
        await assertVersionWithNotes(editableView(fresh), input, decisionDisplays(fresh), () =>
          decisionChangeNotes(trx, fresh),
        );
      }
      if (
        next.decisionDate !== current.decisionDate ||
        next.level !== current.level ||
        next.campaignId !== current.campaignId
      ) {
        await repo.syncRecipientCopies(trx, id, {
          decision_date: next.decisionDate,
          level: next.level,
          campaign_id: next.campaignId ?? null,
        });
      }
      const { version: _version, ...before } = current;
      await recordAudit(trx, actor, {
        action: 'commendation.update',
        entityType: 'commendation_decision',
        entityId: id,
        unitId: next.unitId,
        summary: `Sửa quyết định khen thưởng ${next.number} ngày ${formatDateVi(next.decisionDate)}`,
        before,
        after: { ...next, version: undefined },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      duplicateNumber();
    }
    throw error;
  }
  return getCommendationDecision(db, actor, id);
}

/** Deletes a decision and its recipients. Manager of the owner unit; with `version`, only if unchanged. */
export async function deleteCommendationDecision(db: Db, actor: Actor, id: string, version?: number): Promise<void> {
  const row = await loadDecision(db, actor, id, 'manager');
  if (version !== undefined) {
    await assertVersionWithNotes(editableView(row), { version }, {}, () => decisionChangeNotes(db, row, true));
  }
  const recipients = await repo.listRecipients(db, id);
  await db.transaction().execute(async (trx) => {
    await repo.lockDecision(trx, id);
    await repo.deleteDecision(trx, id);
    await recordAudit(trx, actor, {
      action: 'commendation.delete',
      entityType: 'commendation_decision',
      entityId: id,
      unitId: row.unit_id,
      summary: `Xóa quyết định khen thưởng ${row.number} ngày ${formatDateVi(row.decision_date)}`,
      before: { ...editableView(row), recipients: recipients.map(toRecipient) },
    });
  });
}

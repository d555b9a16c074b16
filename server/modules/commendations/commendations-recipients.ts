import { foldVietnamese } from '../../../common/text';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersionWithNotes } from '../../platform/concurrency';
import { decisionChangeNotes, recipientDisplays } from './commendations-conflicts';
import { notFound, validationFailed } from '../../platform/errors';
import { checkRecipientUnits, describe, loadDecision, recipientWrite, toRecipient } from './commendations-rules';
import * as repo from './commendations.repository';
import type { AddRecipientInput, DecisionDetail, RecipientView, UpdateRecipientInput } from './commendations.schemas';

// Recipients are edited one at a time from the decision page; each edit carries the decision's version and bumps it,
// so two people editing one decision's list see each other's changes instead of overwriting them.

type RecipientEdit = Omit<UpdateRecipientInput, 'version'>;

/** The recipient as an edit would send it, for 409 answers that say what changed. */
function editableRecipient(row: repo.RecipientRow, version: number) {
  return {
    recipientType: row.recipient_type,
    name: row.name,
    unitId: row.unit_id,
    position: row.position,
    reason: row.reason,
    version,
  };
}

async function assertUnits(db: Db, actor: Actor, unitId: string | undefined, day: string): Promise<void> {
  if (unitId === undefined) {
    return;
  }
  const problems = await checkRecipientUnits(db, actor, [unitId], day, () => 'body.unitId');
  if (problems.length > 0) {
    throw validationFailed(problems[0].message, problems);
  }
}

/**
 * Bumps the decision's version inside the edit's transaction; a concurrent edit makes it answer 409, with the
 * recipient's fields that changed when one is being edited, else who changed the decision and what it now holds.
 */
async function bumpVersion(
  trx: DbOrTrx,
  decision: repo.DecisionRow,
  version: number,
  recipient?: { stored: repo.RecipientRow; edit: RecipientEdit },
): Promise<void> {
  if (await repo.updateDecision(trx, decision.id, version, {})) {
    return;
  }
  const fresh = (await repo.findDecision(trx, decision.id)) ?? decision;
  await assertStale(
    trx,
    fresh,
    version,
    recipient && { ...recipient, stored: await reloadRecipient(trx, recipient.stored) },
  );
}

async function reloadRecipient(trx: DbOrTrx, stored: repo.RecipientRow): Promise<repo.RecipientRow> {
  return (await repo.listRecipients(trx, stored.decision_id)).find((r) => r.id === stored.id) ?? stored;
}

/** 409 when the caller read an older version of the decision than `decision`. */
async function assertStale(
  db: DbOrTrx,
  decision: repo.DecisionRow,
  version: number,
  recipient?: { stored: repo.RecipientRow; edit: RecipientEdit },
): Promise<void> {
  if (recipient) {
    await assertVersionWithNotes(
      editableRecipient(recipient.stored, decision.version),
      { ...recipient.edit, version },
      recipientDisplays(recipient.stored),
      () => decisionChangeNotes(db, decision),
    );
  } else {
    await assertVersionWithNotes({ version: decision.version }, { version }, {}, () =>
      decisionChangeNotes(db, decision, true),
    );
  }
}

/** Adds one collective or individual to a decision. Editor of the decision's owner unit. */
export async function addCommendationRecipient(
  db: Db,
  actor: Actor,
  decisionId: string,
  input: AddRecipientInput,
): Promise<DecisionDetail> {
  const decision = await loadDecision(db, actor, decisionId, 'editor');
  await assertStale(db, decision, input.version);
  await assertUnits(db, actor, input.unitId, decision.decision_date);
  const { version, ...recipient } = input;
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, decision, version);
    const order = await repo.nextSortOrder(trx, decisionId);
    await repo.insertRecipients(trx, [recipientWrite(decision, recipient, order)]);
    await recordAudit(trx, actor, {
      action: 'commendation.recipient.add',
      entityType: 'commendation_decision',
      entityId: decisionId,
      unitId: decision.unit_id,
      summary: `Thêm ${recipient.name} vào quyết định ${decision.number}`,
      after: recipient,
    });
  });
  return describe(db, actor, (await repo.findDecision(db, decisionId))!);
}

async function loadRecipient(db: Db, decisionId: string, recipientId: string): Promise<repo.RecipientRow> {
  const recipient = (await repo.listRecipients(db, decisionId)).find((r) => r.id === recipientId);
  if (!recipient) {
    throw notFound('Người, tập thể được khen');
  }
  return recipient;
}

/** Changes one recipient; 409 with what changed when the decision moved on since the caller read it. */
export async function updateCommendationRecipient(
  db: Db,
  actor: Actor,
  decisionId: string,
  recipientId: string,
  input: UpdateRecipientInput,
): Promise<DecisionDetail> {
  const decision = await loadDecision(db, actor, decisionId, 'editor');
  const stored = await loadRecipient(db, decisionId, recipientId);
  const { version, ...edit } = input;
  await assertStale(db, decision, version, { stored, edit });
  await assertUnits(db, actor, input.unitId, decision.decision_date);
  const values: Parameters<typeof repo.updateRecipient>[2] = {
    ...(edit.recipientType !== undefined && { recipient_type: edit.recipientType }),
    ...(edit.name !== undefined && { name: edit.name, search_key: foldVietnamese(edit.name) }),
    ...(edit.unitId !== undefined && { unit_id: edit.unitId }),
    ...(edit.position !== undefined && { position: edit.position }),
    ...(edit.reason !== undefined && { reason: edit.reason }),
  };
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, decision, version, { stored, edit });
    await repo.updateRecipient(trx, recipientId, values);
    await recordAudit(trx, actor, {
      action: 'commendation.recipient.update',
      entityType: 'commendation_decision',
      entityId: decisionId,
      unitId: decision.unit_id,
      summary: `Sửa ${stored.name} trong quyết định ${decision.number}`,
      before: toRecipient(stored),
      after: edit satisfies RecipientEdit,
    });
  });
  return describe(db, actor, (await repo.findDecision(db, decisionId))!);
}

/** Removes one recipient from a decision (editor of the owner unit), checked against the decision's version. */
export async function deleteCommendationRecipient(
  db: Db,
  actor: Actor,
  decisionId: string,
  recipientId: string,
  version: number,
): Promise<DecisionDetail> {
  const decision = await loadDecision(db, actor, decisionId, 'editor');
  const stored = await loadRecipient(db, decisionId, recipientId);
  await assertStale(db, decision, version);
  await db.transaction().execute(async (trx) => {
    await bumpVersion(trx, decision, version);
    await repo.deleteRecipient(trx, recipientId);
    await recordAudit(trx, actor, {
      action: 'commendation.recipient.delete',
      entityType: 'commendation_decision',
      entityId: decisionId,
      unitId: decision.unit_id,
      summary: `Xóa ${stored.name} khỏi quyết định ${decision.number}`,
      before: toRecipient(stored) satisfies RecipientView,
    });
  });
  return describe(db, actor, (await repo.findDecision(db, decisionId))!);
}

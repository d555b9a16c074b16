import { isRoleAtLeast, ROLE_LABELS, type Role } from '../../../common/roles';
import { inTransaction, type DbOrTrx } from '../../db/connection';
import { assertUnitAccess, type Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { invalidateSessions } from '../../platform/auth/session-cache';
import { notFound } from '../../platform/errors';
import { assertKeepsManagement, assertMayGrant, loadManagedUser, toGrantSummary } from './users-access';
import * as repo from './users.repository';
import type { GrantInput, GrantSummary } from './users.schemas';

/**
 * Grants `role` on a unit (and its subtree) to an account the caller manages. The caller needs manager on that unit
 * and at least the role granted; a grant already held on the unit is replaced, which counts as taking the old role
 * away, so the caller must also hold at least the old role.
 */
export async function grantRole(db: DbOrTrx, actor: Actor, userId: string, input: GrantInput): Promise<GrantSummary> {
  await loadManagedUser(db, actor, userId);
  const unitPath = await assertUnitAccess(db, actor, input.unitId, 'manager');
  assertMayGrant(actor, unitPath, input.role);
  const grant = await inTransaction(db, async (trx) => {
    const user = await loadManagedUser(trx, actor, userId, { lock: true });
    const existing = await repo.findGrantOnUnit(trx, userId, input.unitId);
    if (existing?.role === input.role) {
      return existing;
    }
    if (existing) {
      assertMayGrant(actor, unitPath, existing.role as Role);
      if (!isRoleAtLeast(input.role, 'manager')) {
        assertKeepsManagement(actor, user, await repo.listGrants(trx, [userId]), existing.id);
      }
    }
    const id = await repo.upsertGrant(trx, userId, input.unitId, input.role);
    await repo.updateUser(trx, userId, {});
    const granted = await repo.findGrantOrThrow(trx, id);
    await recordAudit(trx, actor, {
      action: 'user.grant',
      entityType: 'user',
      entityId: userId,
      unitId: user.unit_id,
      summary: `Cấp quyền ${ROLE_LABELS[input.role].vi} trên ${granted.unit_code} ${granted.unit_name} cho ${user.username}`,
      before: existing ? { unitId: input.unitId, role: existing.role } : null,
      after: { unitId: input.unitId, role: input.role },
    });
    return granted;
  });
  await invalidateSessions();
  return toGrantSummary(grant);
}

/**
 * Takes a grant away from an account the caller manages. The caller needs manager on the grant's unit and at least
 * the grant's role; nobody may take away their own last manager or admin grant.
 */
export async function revokeGrant(db: DbOrTrx, actor: Actor, userId: string, grantId: string): Promise<void> {
  await loadManagedUser(db, actor, userId);
  const grant = await repo.findGrant(db, grantId);
  if (!grant || grant.user_id !== userId) {
    throw notFound('Quyền');
  }
  // The grant is listed on the account the caller manages, so a unit out of their reach answers 403, not 404.
  assertMayGrant(actor, grant.unit_path, grant.role as Role);
  await inTransaction(db, async (trx) => {
    const user = await loadManagedUser(trx, actor, userId, { lock: true });
    const grants = await repo.listGrants(trx, [userId]);
    if (!grants.some((g) => g.id === grantId)) {
      throw notFound('Quyền');
    }
    if (isRoleAtLeast(grant.role as Role, 'manager')) {
      assertKeepsManagement(actor, user, grants, grantId);
    }
    await repo.deleteGrant(trx, grantId);
    await repo.updateUser(trx, userId, {});
    await recordAudit(trx, actor, {
      action: 'user.revoke',
      entityType: 'user',
      entityId: userId,
      unitId: user.unit_id,
      summary: `Thu hồi quyền ${ROLE_LABELS[grant.role as Role].vi} trên ${grant.unit_code} ${grant.unit_name} của ${user.username}`,
      before: { unitId: grant.unit_id, role: grant.role },
      after: null,
    });
  });
  await invalidateSessions();
}

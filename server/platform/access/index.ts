import type { Role } from '../../../common/roles';
import type { DbOrTrx } from '../../db/connection';
import { forbidden, notFound } from '../errors';
import { findUnitPath, loadGrantRoots } from './access.repository';
import { Scope } from './scope';

export { Scope } from './scope';
export type { ScopeGrant } from './scope';

/** Who is acting: a signed-in user (with their scope) or the system (CLI, start-up). */
export interface Actor {
  userId: string | null;
  username: string;
  scope: Scope;
  requestId?: string;
  ip?: string;
}

export function systemActor(username = 'system'): Actor {
  return { userId: null, username, scope: Scope.system() };
}

export async function loadScope(db: DbOrTrx, userId: string): Promise<Scope> {
  return Scope.forGrants(await loadGrantRoots(db, userId));
}

/**
 * Checks that the unit lies in the caller's reach with at least `minRole`: out of reach answers 404 (the caller
 * learns nothing of it), in reach without the role answers 403. Returns the unit's path.
 */
export async function assertUnitAccess(db: DbOrTrx, actor: Actor, unitId: string, minRole: Role): Promise<string> {
  const path = await findUnitPath(db, unitId);
  if (path === undefined || !actor.scope.can(path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  if (!actor.scope.can(path, minRole)) {
    throw forbidden();
  }
  return path;
}

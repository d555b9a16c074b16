import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { isRoleAtLeast, roleRank, type Role } from '../../../common/roles';

export interface ScopeGrant {
  grantId: string;
  role: Role;
  unitId: string;
  /** Materialised paths the grant covers: its unit and, through lineage, every unit that unit succeeded. */
  roots: string[];
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

/**
 * What one caller may reach: a set of subtrees, each with a role. All scope logic goes through here, so a list, an
 * aggregate and a single record are all held to the same rule.
 */
export class Scope {
  private constructor(
    readonly grants: ScopeGrant[],
    /** The CLI and start-up work run as the system, which reaches everything. */
    readonly isSystem: boolean,
  ) {}

  static forGrants(grants: ScopeGrant[]): Scope {
    return new Scope(grants, false);
  }

  static system(): Scope {
    return new Scope([], true);
  }

  /** Subtree roots where the caller holds at least `minRole`. */
  roots(minRole: Role = 'viewer'): string[] {
    const roots = new Set<string>();
    for (const grant of this.grants) {
      if (isRoleAtLeast(grant.role, minRole)) {
        grant.roots.forEach((root) => roots.add(root));
      }
    }
    return [...roots];
  }

  /** The strongest role the caller holds over the unit at `path`, or undefined when it is out of reach. */
  roleAt(path: string): Role | undefined {
    if (this.isSystem) {
      return 'admin';
    }
    let best: Role | undefined;
    for (const grant of this.grants) {
      if (grant.roots.some((root) => isUnder(path, root)) && (!best || roleRank(grant.role) > roleRank(best))) {
        best = grant.role;
      }
    }
    return best;
  }

  can(path: string, minRole: Role): boolean {
    const role = this.roleAt(path);
    return role !== undefined && isRoleAtLeast(role, minRole);
  }

  /** The strongest role held anywhere; the UI uses it to show or hide whole sections. */
  highestRole(): Role | undefined {
    if (this.isSystem) {
      return 'admin';
    }
    return this.grants.reduce<Role | undefined>(
      (best, grant) => (!best || roleRank(grant.role) > roleRank(best) ? grant.role : best),
      undefined,
    );
  }

  /**
   * SQL condition: the ltree at `pathColumn` lies in the caller's reach with at least `minRole`.
   * Filtering happens in the query, never after loading.
   */
  sqlContains(pathColumn: Expression<unknown> | RawBuilder<unknown>, minRole: Role = 'viewer'): RawBuilder<SqlBool> {
    if (this.isSystem) {
      return sql<SqlBool>`true`;
    }
    const roots = this.roots(minRole);
    if (roots.length === 0) {
      return sql<SqlBool>`false`;
    }
    return sql<SqlBool>`${pathColumn} <@ ${sql.val(roots)}::ltree[]`;
  }

  /**
   * SQL condition: the ltree at `pathColumn` lies in the caller's reach or above it (an ancestor of one of their
   * roots). What a higher committee issues — a national directive, its themes — applies to every unit below, so a
   * commune user reads it without reaching TW.
   */
  sqlContainsOrAbove(
    pathColumn: Expression<unknown> | RawBuilder<unknown>,
    minRole: Role = 'viewer',
  ): RawBuilder<SqlBool> {
    if (this.isSystem) {
      return sql<SqlBool>`true`;
    }
    const roots = this.roots(minRole);
    if (roots.length === 0) {
      return sql<SqlBool>`false`;
    }
    const array = sql`${sql.val(roots)}::ltree[]`;
    return sql<SqlBool>`(${pathColumn} <@ ${array} or ${pathColumn} @> ${array})`;
  }
}

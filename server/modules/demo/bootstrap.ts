import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { generatePassword } from '../../platform/auth/passwords';
import { createUnitsBulk } from '../org-units/org-units.service';
import { createUser, findUserIdByUsername } from '../users/users.service';
import { CENTRAL_FROM } from './demo-organisation';

export const CENTRAL_CODE = 'TW';
export const ADMIN_USERNAME = 'admin';

/** The root of every tree: Trung ương, code TW. */
export async function ensureCentralUnit(db: DbOrTrx): Promise<{ id: string }> {
  const existing = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', CENTRAL_CODE)
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  if (existing) {
    return existing;
  }
  const [id] = await createUnitsBulk(db, [
    { code: CENTRAL_CODE, name: 'Trung ương', kind: 'central', parentId: null, validFrom: CENTRAL_FROM },
  ]);
  return { id };
}

export interface AdminBootstrap {
  isCreated: boolean;
  /** Set when the password was generated: shown once and written to DATA_DIR/admin-password.txt. */
  generatedPassword?: string;
  passwordFile?: string;
}

/**
 * On first start: the root unit and the administrator `admin` (admin on TW). The password comes from
 * ADMIN_PASSWORD or is generated and written, readable by the owner only, to DATA_DIR/admin-password.txt.
 */
export async function ensureAdmin(
  db: Db,
  options: { adminPassword?: string; dataDir: string },
): Promise<AdminBootstrap> {
  if (await findUserIdByUsername(db, ADMIN_USERNAME)) {
    return { isCreated: false };
  }
  const central = await ensureCentralUnit(db);
  const password = options.adminPassword ?? generatePassword();
  await createUser(db, systemActor('bootstrap'), {
    username: ADMIN_USERNAME,
    fullName: 'Quản trị hệ thống',
    unitId: central.id,
    role: 'admin',
    password,
  });
  if (options.adminPassword) {
    return { isCreated: true };
  }
  const passwordFile = path.join(options.dataDir, 'admin-password.txt');
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(passwordFile, 0o600);
  return { isCreated: true, generatedPassword: password, passwordFile };
}

/** How many units the tree holds before and after the 2025 reorganisation (for the start-up log). */
export async function countUnitsByPeriod(db: Db): Promise<{ on20190515: number; today: number; total: number }> {
  const row = await sql<{ on20190515: number; today: number; total: number }>`
    select count(*) filter (where valid_from <= '2019-05-15' and (valid_to is null or valid_to >= '2019-05-15'))::int
        as on20190515,
      count(*) filter (where valid_from <= current_date and (valid_to is null or valid_to >= current_date))::int as today,
      count(*)::int as total
    from org_unit`.execute(db);
  return row.rows[0];
}

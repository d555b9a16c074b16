import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CampaignKind } from '../../common/campaigns';
import type { UnitKind } from '../../common/org-units';
import type { Role } from '../../common/roles';
import { foldVietnamese } from '../../common/text';
import type { DbOrTrx } from '../db/connection';
import { hashPassword } from '../platform/auth/passwords';
import { createUnitsBulk, recordReorganisation } from '../modules/org-units/org-units.service';
import { signIn, type Client } from './harness';

export const TEST_PASSWORD = 'mat-khau-thu-123';
let passwordHash: Promise<string> | undefined;

function uniqueCode(prefix: string): string {
  return `${prefix}${crypto.randomBytes(4).toString('hex')}`.toUpperCase();
}

export interface TestUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
}

/** Inserts one unit; each test builds the subtree it needs. */
export async function createUnit(
  db: DbOrTrx,
  options: {
    kind: UnitKind;
    parent?: TestUnit | null;
    code?: string;
    name?: string;
    validFrom?: string;
    validTo?: string | null;
  },
): Promise<TestUnit> {
  const code = options.code ?? uniqueCode(options.kind.slice(0, 2));
  const name = options.name ?? `Đơn vị thử ${code}`;
  const [id] = await createUnitsBulk(db, [
    {
      code,
      name,
      kind: options.kind,
      parentId: options.parent?.id ?? null,
      validFrom: options.validFrom ?? '2015-01-01',
      validTo: options.validTo ?? null,
    },
  ]);
  return { id, code, name, kind: options.kind };
}

/** A small tree: central → province → commune → two cells, plus a second province beside it. */
export async function createTree(db: DbOrTrx) {
  const central = await createUnit(db, { kind: 'central', name: 'Trung ương thử' });
  const province = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Thử Nghiệm' });
  const commune = await createUnit(db, { kind: 'commune', parent: province, name: 'Đảng ủy xã Hòa Bình' });
  const cellA = await createUnit(db, { kind: 'cell', parent: commune, name: 'Chi bộ ấp 1' });
  const cellB = await createUnit(db, { kind: 'cell', parent: commune, name: 'Chi bộ ấp 2' });
  const otherProvince = await createUnit(db, { kind: 'province', parent: central, name: 'Tỉnh ủy Bên Cạnh' });
  const otherCommune = await createUnit(db, { kind: 'commune', parent: otherProvince, name: 'Đảng ủy xã Khác' });
  return { central, province, commune, cellA, cellB, otherProvince, otherCommune };
}

export async function linkUnits(
  db: DbOrTrx,
  fromUnit: TestUnit,
  toUnit: TestUnit,
  options: { kind?: string; effectiveDate?: string; isPartial?: boolean; isPrimary?: boolean } = {},
): Promise<void> {
  await recordReorganisation(
    db,
    { kind: options.kind ?? 'merge', effectiveDate: options.effectiveDate ?? '2025-07-01' },
    [{ fromUnitId: fromUnit.id, toUnitId: toUnit.id, isPartial: options.isPartial, isPrimary: options.isPrimary }],
  );
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
}

/** Inserts a user with a grant (unless `role` is null) on `unit`. */
export async function createUser(
  db: DbOrTrx,
  unit: TestUnit,
  role: Role | null,
  options: { username?: string; isDisabled?: boolean } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = options.username ?? `u${crypto.randomBytes(5).toString('hex')}`;
  const user = await db
    .insertInto('app_user')
    .values({
      username,
      full_name: `Người dùng ${username}`,
      unit_id: unit.id,
      password_hash: await passwordHash,
      is_disabled: options.isDisabled ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (role) {
    await db.insertInto('user_grant').values({ user_id: user.id, unit_id: unit.id, role }).execute();
  }
  return { id: user.id, username, password: TEST_PASSWORD };
}

/** A user with `role` on `unit`, signed in. */
export async function signedIn(app: FastifyInstance, db: DbOrTrx, unit: TestUnit, role: Role): Promise<Client> {
  const user = await createUser(db, unit, role);
  return signIn(app, user.username, user.password);
}

/** A user with `role` on `unit`, signed in, when the test also needs the account itself (its id, its name). */
export async function signedInUser(
  app: FastifyInstance,
  db: DbOrTrx,
  unit: TestUnit,
  role: Role,
): Promise<{ user: TestUser; client: Client }> {
  const user = await createUser(db, unit, role);
  return { user, client: await signIn(app, user.username, user.password) };
}

/**
 * A campaign inserted directly (tests of other modules need one without depending on how the campaigns module's
 * forms validate): a directive of the Politburo issued 15/5/2016 unless told otherwise, searchable by code and title.
 */
export async function createCampaign(
  db: DbOrTrx,
  scope: TestUnit,
  options: { code?: string; kind?: CampaignKind; title?: string; issuedOn?: string } = {},
) {
  const code = options.code ?? `${crypto.randomBytes(2).toString('hex').toUpperCase()}-CT/TW`;
  const title = options.title ?? `Chỉ thị thử ${code}`;
  return db
    .insertInto('campaign')
    .values({
      code,
      kind: options.kind ?? 'directive',
      title,
      issuing_body: options.kind === 'plan' ? scope.name : 'Bộ Chính trị',
      issued_on: options.issuedOn ?? '2016-05-15',
      scope_unit_id: scope.id,
      search_key: foldVietnamese(`${code} ${title}`),
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

/** A study theme of a campaign, inserted directly; the year 2019 unless a period is given. */
export async function createTheme(
  db: DbOrTrx,
  campaignId: string,
  scope: TestUnit,
  period: { start: string; end: string } = { start: '2019-01-01', end: '2019-12-31' },
) {
  const code = `TH-${crypto.randomBytes(3).toString('hex')}`;
  return db
    .insertInto('study_theme')
    .values({
      campaign_id: campaignId,
      code,
      title: `Chuyên đề thử ${code}`,
      period_start: period.start,
      period_end: period.end,
      scope_unit_id: scope.id,
      search_key: foldVietnamese(code),
    })
    .returning(['id', 'code', 'title'])
    .executeTakeFirstOrThrow();
}

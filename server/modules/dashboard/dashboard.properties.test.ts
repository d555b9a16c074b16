import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FigureId, Structure } from '../../../common/dashboard';
import type { UnitKind } from '../../../common/org-units';
import type { DbOrTrx } from '../../db/connection';
import { Scope, type Actor } from '../../platform/access';
import { SeededRandom } from '../demo/random';
import { createUnitsBulk, recordReorganisation } from '../org-units/org-units.service';
import { createTestContext, type TestContext } from '../../test/harness';
import { addDecision, addInspection, addModel } from './dashboard.fixtures';
import * as repo from './dashboard.repository';
import { countCellMonthRows, countFigureRows } from './dashboard-counts';
import { getOverview, listRecords } from './dashboard.service';

// Random trees, random records, random reorganisations (merges, splits, dissolutions, cells moved or closed) after
// the records exist: the figures must add up over children, agree between structures at the root, agree between
// the rollup and the records, and never reach outside the subtree or the caller's reach.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t?.close();
});

interface Unit {
  id: string;
  code: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  path?: string;
}

const CHILD_KIND: Partial<Record<UnitKind, UnitKind>> = { central: 'province', province: 'commune', commune: 'cell' };
const FIRST = '2015-01-01';
const FIGURE_IDS: FigureId[] = ['commendations', 'models', 'meetings', 'inspections', 'recommendations'];

/** A figure's total in the overview (meetings: regular and thematic together). */
const totalOf = (o: Awaited<ReturnType<typeof getOverview>>, figure: FigureId) =>
  figure === 'meetings' ? o.meetings.regular + o.meetings.thematic : o[figure].total;

let worldNumber = 0;

/** Builds a random world from `seed`; returns its units and how many records of each figure it holds. */
async function buildWorld(db: DbOrTrx, seed: number) {
  const random = new SeededRandom(seed);
  worldNumber += 1;
  const prefix = `W${worldNumber}S${seed >>> 0}`;
  let serial = 0;
  const units: Unit[] = [];
  const make = (kind: UnitKind, parent: Unit | null, validFrom = FIRST): Unit => {
    serial += 1;
    const unit = {
      id: crypto.randomUUID(),
      code: `${prefix}-${serial}`,
      kind,
      parentId: parent?.id ?? null,
      validFrom,
      validTo: null,
    };
    units.push(unit);
    return unit;
  };
  const root = make('central', null);
  const grow = (parent: Unit, validFrom: string) => {
    const kind = CHILD_KIND[parent.kind];
    if (!kind) {
      return;
    }
    const count = random.int(kind === 'province' ? 1 : 0, 3);
    for (let i = 0; i < count; i++) {
      grow(make(kind, parent, validFrom), validFrom);
    }
  };
  grow(root, FIRST);
  await insertUnits(db, units);

  const records = { commendations: 0, models: 0, meetings: 0, inspections: 0, recommendations: 0 };
  const regularMonths = new Set<string>();
  const addRecords = async (count: number, from: string, to: string) => {
    const alive = units.filter((u) => u.validFrom <= from && (u.validTo === null || u.validTo >= to));
    for (let i = 0; i < count; i++) {
      const unit = random.pick(alive);
      const date = random.date(from, to);
      if (unit.kind === 'cell' && random.chance(0.5)) {
        const isRegular = random.chance(0.7) && !regularMonths.has(`${unit.id}:${date.slice(0, 7)}`);
        regularMonths.add(`${unit.id}:${date.slice(0, 7)}`);
        await sql`insert into cell_meeting (unit_id, meeting_date, type, theme_included, members_on_roll, present)
          values (${unit.id}, ${date}::date, ${isRegular ? 'regular' : 'thematic'}, false, 10, 8)`.execute(db);
        records.meetings += 1;
      } else if (random.chance(0.3)) {
        // Deadlines run past today, so that the overdue split meets the rollup's months before, in and after today's.
        const owners = Array.from({ length: random.int(0, 3) }, () => random.pick(alive));
        await addInspection(
          db,
          {
            conductingId: unit.id,
            plannedStart: date,
            actualStart: random.chance(0.5) ? random.date(date, to) : undefined,
            kind: random.pick(['inspection', 'supervision']),
            form: random.pick(['thematic', 'regular']),
          },
          owners.map((owner) => ({
            ownerId: owner.id,
            deadline: random.date(date, PERIOD.to),
            status: random.pick(['open', 'in_progress', 'done']),
          })),
        );
        records.inspections += 1;
        records.recommendations += owners.length;
      } else if (random.chance(0.6)) {
        const n = random.int(1, 3);
        await addDecision(
          db,
          { ownerId: unit.id, date, level: random.pick(['province', 'district', 'commune']) },
          Array.from({ length: n }, () => ({
            unitId: unit.id,
            type: random.chance(0.5) ? 'collective' : 'individual',
          })),
        );
        records.commendations += n;
      } else {
        await addModel(db, {
          unitId: unit.id,
          startedOn: date,
          status: random.pick(['proposed', 'recognised', 'archived']),
          field: random.pick(['economy', 'culture', 'health']),
        });
        records.models += 1;
      }
    }
  };
  await addRecords(random.int(5, 25), FIRST, '2019-12-31');

  // Reorganisations on 1 January of 2020, 2021, 2022, after the records exist.
  for (let year = 2020; year < 2020 + random.int(1, 3); year++) {
    const day = `${year}-01-01`;
    const lastDay = `${year - 1}-12-31`;
    const open = units.filter((u) => u.validTo === null && u.parentId !== null);
    if (open.length === 0) {
      break;
    }
    const target = random.pick(open);
    const closing = units.filter((u) => u.validTo === null && isUnder(units, u, target));
    const edges: { from: Unit; to: Unit; isPrimary: boolean }[] = [];
    const action = random.pick(['merge', 'split', 'dissolve'] as const);
    const parent = units.find((u) => u.id === target.parentId)!;
    const fresh: Unit[] = [];
    let heirs: Unit[] = [];
    if (action === 'merge') {
      const peer = units.find(
        (u) => u.validTo === null && u.kind === target.kind && u.id !== target.id && !isUnder(units, u, target),
      );
      if (peer) {
        heirs = [peer];
      }
    } else if (action === 'split' && parent.validTo === null) {
      heirs = [make(target.kind, parent, day), make(target.kind, parent, day)];
      fresh.push(...heirs);
    }
    heirs.forEach((heir, i) => edges.push({ from: target, to: heir, isPrimary: i === 0 }));
    // Children of the closed unit: some move under an heir (a new unit with lineage), the rest close with no successor.
    for (const child of closing.filter((u) => u.parentId === target.id)) {
      if (heirs.length > 0 && random.chance(0.5)) {
        const moved = make(child.kind, random.pick(heirs), day);
        fresh.push(moved);
        edges.push({ from: child, to: moved, isPrimary: true });
      }
    }
    for (const unit of closing) {
      unit.validTo = lastDay;
    }
    await sql`update org_unit set valid_to = ${lastDay}::date where id = any(${sql.val(closing.map((u) => u.id))}::uuid[])`.execute(
      db,
    );
    await insertUnits(db, fresh);
    if (edges.length > 0) {
      await recordReorganisation(
        db,
        { kind: action, effectiveDate: day },
        edges.map((e) => ({
          fromUnitId: e.from.id,
          toUnitId: e.to.id,
          isPrimary: e.isPrimary,
          isPartial: !e.isPrimary,
        })),
      );
    }
  }
  await addRecords(random.int(0, 10), '2023-01-01', '2026-06-30');
  const paths = await sql<{ id: string; path: string }>`select id, path::text as path from org_unit
    where id = any(${sql.val(units.map((u) => u.id))}::uuid[])`.execute(db);
  const pathOf = new Map(paths.rows.map((r) => [r.id, r.path]));
  units.forEach((u) => (u.path = pathOf.get(u.id)));
  return { root, units, records, random };
}

function isUnder(units: Unit[], unit: Unit, ancestor: Unit): boolean {
  let current: Unit | undefined = unit;
  while (current) {
    if (current.id === ancestor.id) {
      return true;
    }
    current = units.find((u) => u.id === current!.parentId);
  }
  return false;
}

async function insertUnits(db: DbOrTrx, units: Unit[]) {
  if (units.length > 0) {
    await createUnitsBulk(
      db,
      units.map((u) => ({
        id: u.id,
        code: u.code,
        name: `Đơn vị ${u.code}`,
        kind: u.kind,
        parentId: u.parentId,
        validFrom: u.validFrom,
        validTo: u.validTo,
      })),
    );
  }
}

const viewerOf = (unit: Unit): Actor => ({
  userId: null,
  username: 'property',
  scope: Scope.forGrants([{ grantId: 'g', role: 'viewer', unitId: unit.id, roots: [unit.path!] }]),
});

const PERIOD = { from: FIRST, to: '2026-12-31' };

describe('dashboard properties (fast-check)', () => {
  it('conserves every figure over children, over structures, and between rollup and records', async () => {
    const db = t.database.db;
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const world = await buildWorld(db, seed);
        const actor = viewerOf(world.root);
        const recorded = await getOverview(db, actor, { unit: world.root.id, ...PERIOD, structure: 'recorded' });
        const current = await getOverview(db, actor, { unit: world.root.id, ...PERIOD, structure: 'current' });
        for (const figure of FIGURE_IDS) {
          // Never lost, never counted twice, in either structure.
          expect(totalOf(recorded, figure)).toBe(world.records[figure]);
          expect(totalOf(current, figure)).toBe(world.records[figure]);
        }
        // Every cell-month counted once in either structure.
        expect(current.meetings.cellMonthsExpected).toBe(recorded.meetings.cellMonthsExpected);
        const checks: { unit: Unit; structure: Structure }[] = [];
        for (const unit of world.units) {
          checks.push({ unit, structure: 'recorded' });
          if (unit.validTo === null) {
            checks.push({ unit, structure: 'current' });
          }
        }
        for (const { unit, structure } of checks) {
          const o = await getOverview(db, actor, { unit: unit.id, ...PERIOD, structure });
          for (const figure of FIGURE_IDS) {
            const sum = o.children.reduce((s, c) => s + c.counts[figure], 0) + o.own[figure];
            expect(sum, `${unit.code} ${structure} ${figure}`).toBe(totalOf(o, figure));
          }
        }
        // The rollup answers exactly what the records answer, for odd periods too.
        const from = world.random.date(FIRST, '2020-12-31');
        const to = world.random.date('2021-01-01', '2026-12-31');
        for (const unit of world.units.filter((u) => u.path!.split('.').length <= 2)) {
          for (const structure of ['recorded', 'current'] as const) {
            const filter: repo.FigureFilter = {
              from,
              to,
              campaignId: null,
              unitPath: unit.path!,
              structure,
              scope: sql<boolean>`true` as never,
            };
            for (const figure of FIGURE_IDS) {
              const [fast, slow] = [
                tally(await countFigureRows(db, figure, filter, { useRollup: true })),
                tally(await countFigureRows(db, figure, filter, { useRollup: false })),
              ];
              expect(fast, `${unit.code} ${structure} ${figure} ${from}…${to}`).toEqual(slow);
            }
            const [fastCells, slowCells] = [
              tallyCells(await countCellMonthRows(db, filter, { useRollup: true })),
              tallyCells(await countCellMonthRows(db, filter, { useRollup: false })),
            ];
            expect(fastCells, `${unit.code} ${structure} cell-months ${from}…${to}`).toEqual(slowCells);
          }
        }
      }),
      { numRuns: 10 },
    );
  }, 600_000);

  it('never lists a record outside the subtree or the caller’s reach', async () => {
    const db = t.database.db;
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const world = await buildWorld(db, seed);
        const open = world.units.filter((u) => u.validTo === null && u.parentId !== null);
        if (open.length === 0) {
          return;
        }
        const unit = world.random.pick(open);
        const actor = viewerOf(unit);
        for (const structure of ['recorded', 'current'] as const) {
          for (const figure of FIGURE_IDS) {
            const page = await listRecords(db, actor, {
              unit: unit.id,
              ...PERIOD,
              structure,
              figure,
              page: 1,
              pageSize: 200,
            });
            const ids = page.rows.map((r) => r.id);
            const tables: Record<FigureId, ReturnType<typeof sql>> = {
              commendations: sql`commendation_recipient`,
              models: sql`model`,
              meetings: sql`cell_meeting`,
              inspections: sql`(select id, conducting_unit_id as unit_id from inspection)`,
              recommendations: sql`(select id, owner_unit_id as unit_id from recommendation)`,
            };
            const table = tables[figure];
            const placed = await sql<{ id: string; path: string; current_path: string }>`
              select s.id, m.path::text as path, m.current_path::text as current_path from ${table} s
              join org_unit_current m on m.unit_id = s.unit_id where s.id = any(${sql.val(ids)}::uuid[])`.execute(db);
            for (const row of placed.rows) {
              const where = structure === 'current' ? row.current_path : row.path;
              expect(`${where}.`.startsWith(`${unit.path}.`)).toBe(true);
              expect(`${row.path}.`.startsWith(`${unit.path}.`) || actor.scope.can(row.path, 'viewer')).toBe(true);
            }
            const o = await getOverview(db, actor, { unit: unit.id, ...PERIOD, structure });
            expect(page.total).toBe(totalOf(o, figure));
          }
        }
      }),
      { numRuns: 8 },
    );
  }, 600_000);
});

/** Count rows folded into one map (the rollup and the records split the same totals differently across rows). */
function tally(rows: repo.FigureCountRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) {
    const key = row.by_month === 1 ? `month:${row.month}` : `child:${row.child}|${row.a}|${row.b}`;
    out[key] = (out[key] ?? 0) + row.n;
  }
  return Object.fromEntries(
    Object.entries(out)
      .filter(([, n]) => n !== 0)
      .sort(),
  );
}

/** Cell rows folded into one map by child and first and last month. */
function tallyCells(rows: { child: string | null; first: string; last: string; n: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) {
    const key = `${row.child}|${row.first}|${row.last}`;
    out[key] = (out[key] ?? 0) + row.n;
  }
  return Object.fromEntries(
    Object.entries(out)
      .filter(([, n]) => n !== 0)
      .sort(),
  );
}

import { todayIso } from '../../../common/dates';
import type { InspectionKind } from '../../../common/inspections';
import type { DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { findCampaignIdsByCodes } from '../campaigns/campaigns-lookup';
import { SeededRandom } from '../demo/random';
import { emptyRows, generateInspection, planRow } from './inspections-generate';
import * as repo from './inspections.repository';

/** The commune of the demo commune accounts (Xã Đầm Dơi): it is inspected, and inspects its own cells. */
const DEMO_COMMUNE = '32152';
/** Huyện ủy Đầm Dơi before the merger: its communes became Xã Đầm Dơi and its neighbours. */
const DEMO_DISTRICT = '970';

type Unit = repo.DemoUnit;

/**
 * A few dozen inspections and supervisions from the demo Cà Mau tree, with conclusions and recommendations in every
 * status: for 2016–2019 the province committees of Cà Mau and Bạc Liêu on their districts, districts on communes,
 * a commune on its cells; after the 2025 merger the new Tỉnh ủy Cà Mau on its communes and Xã Đầm Dơi on its cells;
 * a draft plan for next year. Seeded, so every start gives the same records; one bulk insert per table.
 */
export async function loadDemoInspections(
  trx: DbOrTrx,
): Promise<{ plans: number; inspections: number; recommendations: number }> {
  const random = new SeededRandom('inspections-demo');
  const today = todayIso();
  const campaignId = (await findCampaignIdsByCodes(trx, ['05-CT/TW'])).get('05-CT/TW') ?? null;
  const rows = emptyRows();
  const children = (units: Unit[], parent: Unit, kind?: string) =>
    units.filter((u) => u.parent_id === parent.id && (!kind || u.kind === kind));
  const pickSome = (units: Unit[], min: number, max: number) => {
    const pool = [...units];
    const count = Math.min(pool.length, random.int(min, max));
    return Array.from({ length: count }, () => pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  };
  const add = (
    planId: string,
    conducting: Unit,
    subjects: Unit[],
    year: number,
    kind: InspectionKind,
    months: [number, number],
  ) => {
    if (subjects.length === 0) {
      return;
    }
    const isThematic = random.chance(0.7);
    const verb = kind === 'inspection' ? 'Kiểm tra' : 'Giám sát';
    const month = String(random.int(months[0], months[1])).padStart(2, '0');
    generateInspection(rows, {
      random,
      today,
      planId,
      conducting,
      subjects: subjects.map((s) => s.id),
      kind,
      isThematic,
      campaignId,
      plannedStart: `${year}-${month}-${String(random.int(1, 25)).padStart(2, '0')}`,
      title: `${verb} ${isThematic ? 'chuyên đề ' : ''}việc thực hiện Chỉ thị 05-CT/TW năm ${year}`,
    });
  };
  const plan = (unit: Unit, year: number, isDraft = false) => {
    const row = planRow(random, unit, year, `Kế hoạch kiểm tra, giám sát năm ${year} của ${unit.name}`, isDraft);
    rows.plans.push(row);
    return row.id;
  };

  for (const code of ['96', '95']) {
    const units = await repo.listUnitsBelow(trx, code, '2019-12-31');
    const province = units.find((u) => u.code === code)!;
    const districts = children(units, province, 'district').filter((u) => /^\d+$/.test(u.code));
    for (const year of [2016, 2017, 2018, 2019]) {
      const planId = plan(province, year);
      add(planId, province, pickSome(districts, 1, 3), year, 'inspection', [3, 6]);
      if (code === '96') {
        add(planId, province, pickSome(districts, 1, 2), year, 'supervision', [7, 10]);
      }
    }
    if (code !== '96') {
      continue;
    }
    const demoDistrict = districts.find((u) => u.code === DEMO_DISTRICT) ?? districts[0]!;
    const second = districts.find((u) => u !== demoDistrict)!;
    for (const [district, years] of [
      [demoDistrict, [2016, 2017, 2018, 2019]],
      [second, [2017, 2019]],
    ] as const) {
      const communes = children(units, district, 'commune');
      for (const year of years) {
        const planId = plan(district, year);
        add(
          planId,
          district,
          pickSome(communes, 2, 3),
          year,
          random.chance(0.7) ? 'inspection' : 'supervision',
          [4, 9],
        );
      }
    }
    const commune = children(units, demoDistrict, 'commune')[0];
    if (commune) {
      for (const year of [2018, 2019]) {
        add(plan(commune, year), commune, pickSome(children(units, commune, 'cell'), 2, 3), year, 'inspection', [5, 9]);
      }
    }
  }

  // After the merger: the new province on its communes (Xã Đầm Dơi among them), Xã Đầm Dơi on its cells.
  const now = await repo.listUnitsBelow(trx, '96', today);
  const province = now.find((u) => u.code === '96' && u.kind === 'province')!;
  const communes = children(now, province, 'commune');
  const demoCommune = communes.find((u) => u.code === DEMO_COMMUNE);
  const others = communes.filter((u) => u !== demoCommune);
  const withDemo = (units: Unit[]) => (demoCommune ? [demoCommune, ...units] : units);
  const year = Number(today.slice(0, 4));
  const plan2025 = plan(province, 2025);
  add(plan2025, province, pickSome(others, 2, 3), 2025, 'inspection', [8, 9]);
  add(plan2025, province, withDemo(pickSome(others, 1, 1)), 2025, 'supervision', [9, 10]);
  if (year > 2025) {
    const current = plan(province, year);
    add(current, province, withDemo(pickSome(others, 1, 2)), year, 'inspection', [2, 4]);
    add(current, province, pickSome(others, 2, 3), year, 'inspection', [5, 6]);
    add(current, province, pickSome(others, 1, 2), year, 'supervision', [7, 8]);
    // Under way and still to come, seen from today.
    add(current, province, withDemo([]), year, 'inspection', [11, 11]);
    add(current, province, pickSome(others, 2, 2), year, 'supervision', [12, 12]);
    if (demoCommune) {
      const cells = children(now, demoCommune, 'cell');
      const communePlan = plan(demoCommune, year);
      add(communePlan, demoCommune, pickSome(cells, 2, 3), year, 'inspection', [3, 5]);
      add(communePlan, demoCommune, pickSome(cells, 1, 2), year, 'supervision', [10, 11]);
    }
  }
  const draft = plan(province, year + 1, true);
  add(draft, province, pickSome(others, 2, 3), year + 1, 'inspection', [3, 4]);

  await repo.insertBulk(trx, rows);
  await recordAudit(trx, systemActor('demo'), {
    action: 'inspection.demo',
    entityType: 'inspection',
    unitId: province.id,
    summary: `Nạp dữ liệu mẫu kiểm tra, giám sát: ${rows.plans.length} kế hoạch, ${rows.inspections.length} cuộc, ${rows.recommendations.length} kiến nghị`,
  });
  return {
    plans: rows.plans.length,
    inspections: rows.inspections.length,
    recommendations: rows.recommendations.length,
  };
}

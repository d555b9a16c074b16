/**
 * Seeded bulk generator of inspections for benchmarks and the dashboard's synthetic national data
 * (`npm run bench:data`, about 20,000 inspections): given conducting units and the units each may inspect, inserts
 * `count` inspections and supervisions — one approved plan per conducting unit and year, team, subjects, working
 * sessions, and for closed ones their recommendations in every status — through multi-row inserts in batches, so
 * memory stays flat. Same seed, same rows (ids aside).
 */
import { todayIso } from '../../common/dates';
import type { DbOrTrx } from '../../server/db/connection';
import { SeededRandom } from '../../server/modules/demo/random';
import { emptyRows, generateInspection, planRow } from '../../server/modules/inspections/inspections-generate';
import { insertBulk } from '../../server/modules/inspections/inspections.repository';

export interface ConductingUnit {
  id: string;
  /** org_unit.kind (central, province, district, commune…): sets the duration limit the dates keep to. */
  kind: string;
  /** Units the conducting one may inspect (valid in the years generated), usually its children. */
  subjects: string[];
}

export interface GenerateInspectionsOptions {
  conducting: ConductingUnit[];
  count: number;
  /** Inclusive years the inspections start in. */
  years: [number, number];
  seed?: string | number;
  /** The day the data is seen from (later steps have not happened); default today. */
  today?: string;
  /** Inspections per batch insert. */
  batch?: number;
  campaignId?: string | null;
  onProgress?: (done: number) => void;
}

/** Inserts the inspections; returns how many rows went into each table. */
export async function generateInspections(db: DbOrTrx, options: GenerateInspectionsOptions) {
  const random = new SeededRandom(options.seed ?? 'bench-inspections');
  const today = options.today ?? todayIso();
  const batch = options.batch ?? 2_000;
  const usable = options.conducting.filter((unit) => unit.subjects.length > 0);
  if (usable.length === 0) {
    throw new Error('generateInspections: no conducting unit has subjects');
  }
  const plans = new Map<string, string>();
  const totals = { plans: 0, inspections: 0, subjects: 0, members: 0, sessions: 0, recommendations: 0, reviews: 0 };
  for (let done = 0; done < options.count; ) {
    const rows = emptyRows();
    const size = Math.min(batch, options.count - done);
    for (let i = 0; i < size; i++) {
      const unit = usable[random.int(0, usable.length - 1)]!;
      const year = random.int(options.years[0], options.years[1]);
      const key = `${unit.id}:${year}`;
      let planId = plans.get(key);
      if (!planId) {
        const plan = planRow(random, unit, year, `Kế hoạch kiểm tra, giám sát năm ${year}`);
        rows.plans.push(plan);
        plans.set(key, plan.id);
        planId = plan.id;
      }
      const pool = [...unit.subjects];
      const subjects = Array.from(
        { length: Math.min(pool.length, random.int(1, 3)) },
        () => pool.splice(random.int(0, pool.length - 1), 1)[0]!,
      );
      const kind = random.chance(0.65) ? 'inspection' : 'supervision';
      const month = String(random.int(1, 11)).padStart(2, '0');
      generateInspection(rows, {
        random,
        today,
        planId,
        conducting: unit,
        subjects,
        kind,
        isThematic: random.chance(0.6),
        campaignId: options.campaignId ?? null,
        plannedStart: `${year}-${month}-${String(random.int(1, 28)).padStart(2, '0')}`,
        title: `${kind === 'inspection' ? 'Kiểm tra' : 'Giám sát'} việc thực hiện Chỉ thị 05-CT/TW năm ${year}`,
      });
    }
    await insertBulk(db, rows);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) {
      totals[key] += rows[key].length;
    }
    done += size;
    options.onProgress?.(done);
  }
  return totals;
}

/**
 * What every dataset generator of `npm run bench:data` receives (bench/data/README.md): the tree, where to COPY,
 * the seed, the scale (1 for the national dataset, the slice's share of cells for a provincial one) and a progress
 * bar. A generator for another domain (meetings.ts, inspections.ts) exports `generate(ctx)` and is picked up by name.
 */
import type { Progress } from '../../server/cli-progress';
import { NEW_FROM } from '../../server/modules/demo/demo-organisation';
import type { SeededRandom } from '../../server/modules/demo/random';
import type { CopyTarget } from './copy';
import type { BenchUnit, NationalTree } from './national-tree';

export interface BenchContext {
  tree: NationalTree;
  target: CopyTarget;
  seed: string;
  /** Record counts are the national figures × scale (1 nationally). */
  scale: number;
  /** The last day records may carry (fixed, so that every run writes the same rows). */
  today: string;
  /** Directive 05-CT/TW, and its yearly study themes (one per year from 2016). */
  campaignId: string;
  themes: { id: string; year: number; periodStart: string; periodEnd: string }[];
  /** The cells under `unit` that existed on `date` (the unit's own subtree in that period). */
  cellsUnder(unit: BenchUnit, date: string): BenchUnit[];
  progress: Progress;
}

/** The shape of bench/data/<domain>.ts: rows written, by table or kind, for the summary line. */
export type BenchGenerator = (ctx: BenchContext) => Promise<Record<string, number>>;

/** A version-4 shaped uuid from the seeded stream, so one seed gives the same ids on every run. */
export function seededUuid(random: SeededRandom): string {
  const hex = (n: number) => Math.floor(n * 4_294_967_296).toString(16).padStart(8, '0');
  const a = hex(random.next());
  const b = hex(random.next());
  const c = hex(random.next());
  const d = hex(random.next());
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** Index of cells by every ancestor, per period, so that picking a cell under a committee is a lookup. */
export function indexCells(tree: NationalTree): (unit: BenchUnit, date: string) => BenchUnit[] {
  const build = (cells: BenchUnit[]) => {
    const index = new Map<string, BenchUnit[]>();
    for (const cell of cells) {
      let current: BenchUnit | undefined = cell;
      while (current) {
        const list = index.get(current.id) ?? [];
        list.push(cell);
        index.set(current.id, list);
        current = current.parentId ? tree.byId.get(current.parentId) : undefined;
      }
    }
    return index;
  };
  const before = build(tree.oldCells);
  const after = build(tree.newCells);
  return (unit, date) => (date < NEW_FROM ? before : after).get(unit.id) ?? [];
}

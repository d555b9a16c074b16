/**
 * The national organisation tree of DESIGN.md ("Scale"), built in memory from the real administrative units
 * (data/admin-units): before 1 July 2025 the 63 provinces with their 696 district-level and 10,035 commune-level
 * committees; from that day the 34 provinces with 3,321 commune committees directly under them; about 50,000 cells on
 * either side (the old cells move into the new communes); and the lineage edges old → new, with one primary successor
 * per old unit, exactly as the demo builds Cà Mau. Provinces the reform left whole keep their identity (only their
 * children change), so the current structure has both kinds of history to walk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { UnitKind } from '../../common/org-units';
import {
  ADMIN_UNITS_DIR,
  CENTRAL_FROM,
  DIRECT_COMMITTEES,
  NEW_FROM,
  OLD_FROM,
  OLD_TO,
  communeCommitteeName,
} from '../../server/modules/demo/demo-organisation';

interface AdminUnit {
  code: string;
  name: string;
  short: string;
  type: string;
  children?: AdminUnit[];
}

interface Merge2025 {
  provinces: { code: string; name: string; from: string[] }[];
  communes: { code: string; name: string; province: string; from: string[]; partial?: string[] }[];
}

export interface BenchUnit {
  id: string;
  node: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  path: string;
  validFrom: string;
  validTo: string | null;
}

export interface BenchEdge {
  event: 'province' | 'committee' | 'district' | 'commune' | 'cell';
  fromId: string;
  toId: string;
  isPartial: boolean;
  isPrimary: boolean;
}

export interface NationalTree {
  units: BenchUnit[];
  byId: Map<string, BenchUnit>;
  edges: BenchEdge[];
  central: BenchUnit;
  /** Cells, commune and district committees, by period. */
  oldCells: BenchUnit[];
  newCells: BenchUnit[];
  oldCommunes: BenchUnit[];
  newCommunes: BenchUnit[];
  oldDistricts: BenchUnit[];
}

const DISTRICT_TITLE: Record<string, string> = {
  'thanh-pho': 'Thành ủy',
  huyen: 'Huyện ủy',
  'thi-xa': 'Thị ủy',
  quan: 'Quận ủy',
};

function provinceName(unit: AdminUnit): string {
  return `${unit.type === 'thanh-pho-tw' ? 'Thành ủy' : 'Tỉnh ủy'} ${unit.short}`;
}

/** 3 to 7 cells per old commune (about 50,000 in all), fixed by the code so every run builds the same tree. */
function oldCellCount(communeCode: string): number {
  return 3 + (Number.parseInt(communeCode, 10) % 5);
}

function readJson<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(ADMIN_UNITS_DIR, name), 'utf8')) as T;
}

/** Units are given ids from the seed, so two runs with one seed write identical rows. */
function seededUuid(seed: string, key: string): string {
  const hex = crypto.createHash('sha256').update(`${seed}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

class Builder {
  readonly units: BenchUnit[] = [];
  readonly byKey = new Map<string, BenchUnit>();
  readonly byId = new Map<string, BenchUnit>();

  constructor(private readonly seed: string) {}

  add(key: string, spec: Omit<BenchUnit, 'id' | 'node' | 'path'>): BenchUnit {
    const node = this.units.length + 1;
    const parent = spec.parentId ? this.byId.get(spec.parentId) : undefined;
    const unit: BenchUnit = {
      ...spec,
      id: seededUuid(this.seed, key),
      node,
      path: parent ? `${parent.path}.${node}` : String(node),
    };
    this.units.push(unit);
    this.byKey.set(key, unit);
    this.byId.set(unit.id, unit);
    return unit;
  }

  get(key: string): BenchUnit {
    const unit = this.byKey.get(key);
    if (!unit) {
      throw new Error(`bench: no unit ${key}`);
    }
    return unit;
  }
}

/** The whole country, before and after the 2025 reorganisation, with lineage. */
export function generateNationalTree(seed = 'lantoa-bench'): NationalTree {
  const units2024 = readJson<AdminUnit[]>('units-2024.json');
  const units2025 = readJson<AdminUnit[]>('units-2025.json');
  const merge = readJson<Merge2025>('merge-2025.json');
  const b = new Builder(seed);
  const edges: BenchEdge[] = [];
  const edge = (event: BenchEdge['event'], from: BenchUnit, to: BenchUnit, isPartial = false, isPrimary = true) =>
    edges.push({ event, fromId: from.id, toId: to.id, isPartial, isPrimary });

  const central = b.add('TW', {
    code: 'TW',
    name: 'Trung ương',
    kind: 'central',
    parentId: null,
    validFrom: CENTRAL_FROM,
    validTo: null,
  });
  // A province the reform left whole (same code, one source) keeps its committee; the others close and reopen.
  const wholeProvinces = new Set(
    merge.provinces.filter((p) => p.from.length === 1 && p.from[0] === p.code).map((p) => p.code),
  );
  const oldCells: BenchUnit[] = [];
  const oldCommunes: BenchUnit[] = [];
  const oldDistricts: BenchUnit[] = [];
  const cellsOfOldCommune = new Map<string, { unit: BenchUnit; word: string; short: string }[]>();

  for (const province of units2024) {
    const isWhole = wholeProvinces.has(province.code);
    const p = b.add(`old:${province.code}`, {
      code: province.code,
      name: provinceName(province),
      kind: 'province',
      parentId: central.id,
      validFrom: OLD_FROM,
      validTo: isWhole ? null : OLD_TO,
    });
    for (const committee of DIRECT_COMMITTEES) {
      b.add(`old:${province.code}-${committee.suffix}`, {
        code: `${province.code}-${committee.suffix}`,
        name: committee.name,
        kind: 'district',
        parentId: p.id,
        validFrom: OLD_FROM,
        validTo: isWhole ? null : OLD_TO,
      });
    }
    for (const district of province.children ?? []) {
      const d = b.add(`old:${district.code}`, {
        code: district.code,
        name: `${DISTRICT_TITLE[district.type] ?? 'Huyện ủy'} ${district.short}`,
        kind: 'district',
        parentId: p.id,
        validFrom: OLD_FROM,
        validTo: OLD_TO,
      });
      oldDistricts.push(d);
      for (const commune of district.children ?? []) {
        const c = b.add(`old:${commune.code}`, {
          code: commune.code,
          name: communeCommitteeName(commune),
          kind: 'commune',
          parentId: d.id,
          validFrom: OLD_FROM,
          validTo: OLD_TO,
        });
        oldCommunes.push(c);
        const word = commune.type === 'xa' ? 'ấp' : 'khóm';
        const cells = [];
        for (let n = 1; n <= oldCellCount(commune.code); n++) {
          const code = `${commune.code}-${String(n).padStart(2, '0')}`;
          const cell = b.add(`old:${code}`, {
            code,
            name: `Chi bộ ${word} ${n}`,
            kind: 'cell',
            parentId: c.id,
            validFrom: OLD_FROM,
            validTo: OLD_TO,
          });
          oldCells.push(cell);
          cells.push({ unit: cell, word, short: commune.short });
        }
        cellsOfOldCommune.set(commune.code, cells);
      }
    }
  }

  // Provinces after 1 July 2025.
  const newProvince = new Map<string, BenchUnit>();
  for (const entry of merge.provinces) {
    const info = units2025.find((u) => u.code === entry.code)!;
    if (wholeProvinces.has(entry.code)) {
      newProvince.set(entry.code, b.get(`old:${entry.code}`));
      continue;
    }
    const p = b.add(`new:${entry.code}`, {
      code: entry.code,
      name: provinceName(info),
      kind: 'province',
      parentId: central.id,
      validFrom: NEW_FROM,
      validTo: null,
    });
    newProvince.set(entry.code, p);
    for (const committee of DIRECT_COMMITTEES) {
      const c = b.add(`new:${entry.code}-${committee.suffix}`, {
        code: `${entry.code}-${committee.suffix}`,
        name: committee.name,
        kind: 'district',
        parentId: p.id,
        validFrom: NEW_FROM,
        validTo: null,
      });
      for (const from of entry.from) {
        edge('committee', b.get(`old:${from}-${committee.suffix}`), c);
      }
    }
    for (const from of entry.from) {
      edge('province', b.get(`old:${from}`), p);
    }
  }
  const newProvinceOfOld = new Map<string, BenchUnit>();
  for (const entry of merge.provinces) {
    for (const from of entry.from) {
      newProvinceOfOld.set(from, newProvince.get(entry.code)!);
    }
  }

  const newCommunes: BenchUnit[] = [];
  const communeInfo = new Map(units2025.flatMap((p) => (p.children ?? []).map((c) => [c.code, c] as const)));
  for (const entry of merge.communes) {
    const info = communeInfo.get(entry.code)!;
    newCommunes.push(
      b.add(`new:${entry.code}`, {
        code: entry.code,
        name: communeCommitteeName(info),
        kind: 'commune',
        parentId: newProvince.get(entry.province)!.id,
        validFrom: NEW_FROM,
        validTo: null,
      }),
    );
  }
  // An old commune split across several new ones sends its records to the one it joined whole, else the first by
  // code (as the demo does), so figures on today's structure count each record once.
  const primaryOf = new Map<string, string>();
  const targetsOf = new Map<string, string[]>();
  for (const entry of [...merge.communes].sort((x, y) => x.code.localeCompare(y.code))) {
    for (const from of entry.from) {
      const isPartial = entry.partial?.includes(from) ?? false;
      if (!isPartial || !primaryOf.has(from)) {
        primaryOf.set(from, entry.code);
      }
      targetsOf.set(from, [...(targetsOf.get(from) ?? []), entry.code]);
    }
  }
  for (const entry of merge.communes) {
    for (const from of entry.from) {
      edge('commune', b.get(`old:${from}`), b.get(`new:${entry.code}`), entry.partial?.includes(from) ?? false,
        primaryOf.get(from) === entry.code);
    }
  }
  // District committees ended on 30 June 2025; their own records go to the province that followed (the five island
  // districts became special zones and already have their commune-level successor).
  for (const district of oldDistricts) {
    if (!primaryOf.has(district.code)) {
      const provinceCode = b.byId.get(district.parentId!)!.code;
      edge('district', district, newProvinceOfOld.get(provinceCode)!);
    }
  }
  // Cells carry over into the new communes: a split commune's cells go round the communes it went into.
  const newCells: BenchUnit[] = [];
  const cellNumbers = new Map<string, number>();
  const addNewCell = (target: string, name: string) => {
    const n = (cellNumbers.get(target) ?? 0) + 1;
    cellNumbers.set(target, n);
    const code = `${target}-${String(n).padStart(2, '0')}`;
    const cell = b.add(`new:${code}`, {
      code,
      name,
      kind: 'cell',
      parentId: b.get(`new:${target}`).id,
      validFrom: NEW_FROM,
      validTo: null,
    });
    newCells.push(cell);
    return cell;
  };
  for (const [oldCode, cells] of [...cellsOfOldCommune.entries()].sort(([x], [y]) => x.localeCompare(y))) {
    const primary = primaryOf.get(oldCode);
    const targets = (targetsOf.get(oldCode) ?? []).sort((x, y) =>
      x === primary ? -1 : y === primary ? 1 : x.localeCompare(y),
    );
    if (targets.length === 0) {
      continue;
    }
    cells.forEach((cell, i) => {
      const created = addNewCell(targets[i % targets.length], `${cell.unit.name} ${cell.short}`);
      edge('cell', cell.unit, created);
    });
  }
  // New communes that received no cells (the special zones) get cells of their own.
  for (const commune of newCommunes) {
    if (!cellNumbers.has(commune.code)) {
      for (let n = 1; n <= 3; n++) {
        addNewCell(commune.code, `Chi bộ khu ${n}`);
      }
    }
  }

  return { units: b.units, byId: b.byId, edges, central, oldCells, newCells, oldCommunes, newCommunes, oldDistricts };
}

/** The part of the tree under one province of today (and the provinces it was formed from), for a PGlite slice. */
export function sliceTree(tree: NationalTree, provinceCode: string): NationalTree {
  const roots = tree.units.filter(
    (u) => u.kind === 'province' && u.code === provinceCode && (u.validTo === null || u.validTo >= NEW_FROM),
  );
  if (roots.length === 0) {
    throw new Error(`Không có tỉnh mã ${provinceCode} trong cơ cấu hiện nay.`);
  }
  const rootIds = new Set(roots.map((r) => r.id));
  for (const e of tree.edges) {
    if (e.event === 'province' && rootIds.has(e.toId)) {
      rootIds.add(e.fromId);
    }
  }
  const prefixes = [...rootIds].map((id) => tree.byId.get(id)!.path);
  const keep = (u: BenchUnit) => u.id === tree.central.id || prefixes.some((p) => u.path === p || u.path.startsWith(`${p}.`));
  const units = tree.units.filter(keep);
  const ids = new Set(units.map((u) => u.id));
  const inSlice = (list: BenchUnit[]) => list.filter((u) => ids.has(u.id));
  return {
    units,
    byId: new Map(units.map((u) => [u.id, u])),
    edges: tree.edges.filter((e) => ids.has(e.fromId) && ids.has(e.toId)),
    central: tree.central,
    oldCells: inSlice(tree.oldCells),
    newCells: inSlice(tree.newCells),
    oldCommunes: inSlice(tree.oldCommunes),
    newCommunes: inSlice(tree.newCommunes),
    oldDistricts: inSlice(tree.oldDistricts),
  };
}

/** The cells that existed on `date` (the old ones before 1 July 2025, the new ones from that day). */
export function cellsOn(tree: NationalTree, date: string): BenchUnit[] {
  return date < NEW_FROM ? tree.oldCells : tree.newCells;
}

export function communesOn(tree: NationalTree, date: string): BenchUnit[] {
  return date < NEW_FROM ? tree.oldCommunes : tree.newCommunes;
}

/** The nearest ancestor (or the unit itself) of a kind. */
export function ancestorOf(tree: NationalTree, unit: BenchUnit, kind: UnitKind): BenchUnit | undefined {
  let current: BenchUnit | undefined = unit;
  while (current && current.kind !== kind) {
    current = current.parentId ? tree.byId.get(current.parentId) : undefined;
  }
  return current;
}

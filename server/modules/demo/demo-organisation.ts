import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { UnitKind } from '../../../common/org-units';
import type { DbOrTrx } from '../../db/connection';
import { createUnitsBulk, recordReorganisation, type LineageEdge, type UnitSpec } from '../org-units/org-units.service';

/** Real administrative units (data/admin-units, MIT, see its README) from which the demo tree is built. */
export const ADMIN_UNITS_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'data', 'admin-units');

interface AdminUnit {
  code: string;
  name: string;
  short: string;
  type: string;
  children?: AdminUnit[];
}

interface CaMauSubset {
  units2024: AdminUnit[];
  units2025: AdminUnit[];
  merge2025: {
    province: { code: string; name: string; from: string[] };
    communes: { code: string; name: string; from: string[]; partial?: string[] }[];
  };
}

export const OLD_FROM = '2015-10-01';
export const OLD_TO = '2025-06-30';
export const NEW_FROM = '2025-07-01';
export const CENTRAL_FROM = '1930-02-03';

const DISTRICT_TITLE: Record<string, string> = {
  'thanh-pho': 'Thành ủy',
  huyen: 'Huyện ủy',
  'thi-xa': 'Thị ủy',
  quan: 'Quận ủy',
};
const COMMUNE_WORD: Record<string, string> = {
  xa: 'xã',
  phuong: 'phường',
  'thi-tran': 'thị trấn',
  'dac-khu': 'đặc khu',
};

/** The four committees directly under every province committee. */
export const DIRECT_COMMITTEES = [
  { suffix: 'QS', name: 'Đảng ủy Quân sự tỉnh' },
  { suffix: 'CA', name: 'Đảng ủy Công an tỉnh' },
  { suffix: 'BP', name: 'Đảng ủy Bộ đội Biên phòng tỉnh' },
  { suffix: 'KCQDN', name: 'Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh' },
];

export const LEGAL_BASIS_2025 =
  'Nghị quyết số 60-NQ/TW ngày 12/4/2025; Hướng dẫn số 31-HD/BTCTW ngày 23/4/2025; sắp xếp đơn vị hành chính từ 01/7/2025';

export function communeCommitteeName(unit: AdminUnit): string {
  if (unit.short === unit.name) {
    return `Đảng ủy ${unit.name}`;
  }
  return `Đảng ủy ${COMMUNE_WORD[unit.type] ?? ''} ${unit.short}`.replace(/\s+/g, ' ');
}

/** 6 to 14 cells, fixed by the commune code so that every start builds the same tree. */
export function cellCount(communeCode: string): number {
  return 6 + (Number.parseInt(communeCode, 10) % 9);
}

function cellWord(communeType: string): string {
  return communeType === 'xa' ? 'ấp' : 'khóm';
}

function cellCode(communeCode: string, n: number): string {
  return `${communeCode}-${String(n).padStart(2, '0')}`;
}

export function loadCaMauSubset(): CaMauSubset {
  return JSON.parse(fs.readFileSync(path.join(ADMIN_UNITS_DIR, 'ca-mau.json'), 'utf8')) as CaMauSubset;
}

class TreeBuilder {
  readonly specs: UnitSpec[] = [];
  readonly byKey = new Map<string, string>();

  add(key: string, spec: Omit<UnitSpec, 'id'>): string {
    const id = crypto.randomUUID();
    this.specs.push({ ...spec, id });
    this.byKey.set(key, id);
    return id;
  }

  id(key: string): string {
    const id = this.byKey.get(key);
    if (!id) {
      throw new Error(`demo: no unit ${key}`);
    }
    return id;
  }
}

export interface DemoOrganisation {
  newProvinceId: string;
  /** Commune committees valid today, by code. */
  newCommuneIds: Map<string, string>;
  unitsByPeriod: { before2025: number; from2025: number };
}

/**
 * Builds the Cà Mau demo tree under `centralId`: old Cà Mau and Bạc Liêu (2015-10-01 … 2025-06-30) with their
 * district, commune and cell committees; the merged Cà Mau from 2025-07-01 with 64 communes directly under it;
 * and lineage edges for every old unit.
 */
export async function loadDemoOrganisation(trx: DbOrTrx, centralId: string): Promise<DemoOrganisation> {
  const data = loadCaMauSubset();
  const tree = new TreeBuilder();
  const oldCells = new Map<string, { key: string; name: string }[]>();
  const oldCommuneShort = new Map<string, string>();
  const old = { parentId: centralId, validFrom: OLD_FROM, validTo: OLD_TO };

  for (const province of data.units2024) {
    const provinceId = tree.add(`old:${province.code}`, {
      ...old,
      code: province.code,
      name: `Tỉnh ủy ${province.short}`,
      kind: 'province',
    });
    for (const district of province.children ?? []) {
      const districtId = tree.add(`old:${district.code}`, {
        ...old,
        parentId: provinceId,
        code: district.code,
        name: `${DISTRICT_TITLE[district.type] ?? 'Huyện ủy'} ${district.short}`,
        kind: 'district',
      });
      for (const commune of district.children ?? []) {
        const communeId = tree.add(`old:${commune.code}`, {
          ...old,
          parentId: districtId,
          code: commune.code,
          name: communeCommitteeName(commune),
          kind: 'commune',
        });
        oldCommuneShort.set(commune.code, commune.short);
        const cells: { key: string; name: string }[] = [];
        for (let n = 1; n <= cellCount(commune.code); n++) {
          const name = `Chi bộ ${cellWord(commune.type)} ${n}`;
          const key = `old:${cellCode(commune.code, n)}`;
          tree.add(key, {
            ...old,
            parentId: communeId,
            code: cellCode(commune.code, n),
            name,
            kind: 'cell' as UnitKind,
          });
          cells.push({ key, name });
        }
        oldCells.set(commune.code, cells);
      }
    }
    for (const committee of DIRECT_COMMITTEES) {
      tree.add(`old:${province.code}-${committee.suffix}`, {
        ...old,
        parentId: provinceId,
        code: `${province.code}-${committee.suffix}`,
        name: committee.name,
        kind: 'district',
      });
    }
  }
  const before2025 = tree.specs.length;

  const newProvince = data.units2025[0];
  const current = { validFrom: NEW_FROM, validTo: null };
  const newProvinceId = tree.add(`new:${newProvince.code}`, {
    ...current,
    parentId: centralId,
    code: newProvince.code,
    name: `Tỉnh ủy ${newProvince.short}`,
    kind: 'province',
  });
  const newCommuneIds = new Map<string, string>();
  for (const commune of newProvince.children ?? []) {
    newCommuneIds.set(
      commune.code,
      tree.add(`new:${commune.code}`, {
        ...current,
        parentId: newProvinceId,
        code: commune.code,
        name: communeCommitteeName(commune),
        kind: 'commune',
      }),
    );
  }
  for (const committee of DIRECT_COMMITTEES) {
    tree.add(`new:${newProvince.code}-${committee.suffix}`, {
      ...current,
      parentId: newProvinceId,
      code: `${newProvince.code}-${committee.suffix}`,
      name: committee.name,
      kind: 'district',
    });
  }

  const mergeEdges: LineageEdge[] = [];
  const cellEdges: LineageEdge[] = [];
  const mapping = data.merge2025.communes;
  // An old commune split across several new ones sends its records to one (the one it joined whole, else the
  // first by code), so that figures on today's structure count each record once.
  const primaryOf = new Map<string, string>();
  for (const entry of [...mapping].sort((a, b) => a.code.localeCompare(b.code))) {
    for (const from of entry.from) {
      const isPartial = entry.partial?.includes(from) ?? false;
      if (!isPartial || !primaryOf.has(from)) {
        primaryOf.set(from, entry.code);
      }
    }
  }
  const targetsOf = new Map<string, string[]>();
  for (const entry of mapping) {
    for (const from of entry.from) {
      targetsOf.set(from, [...(targetsOf.get(from) ?? []), entry.code]);
      mergeEdges.push({
        fromUnitId: tree.id(`old:${from}`),
        toUnitId: tree.id(`new:${entry.code}`),
        isPartial: entry.partial?.includes(from) ?? false,
        isPrimary: primaryOf.get(from) === entry.code,
      });
    }
  }
  // Cells carry over into the new communes: a split commune's cells go round the communes it went into.
  const newCellNumbers = new Map<string, number>();
  for (const [oldCode, cells] of [...oldCells.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const primary = primaryOf.get(oldCode);
    const targets = (targetsOf.get(oldCode) ?? []).sort((a, b) =>
      a === primary ? -1 : b === primary ? 1 : a.localeCompare(b),
    );
    cells.forEach((cell, i) => {
      const target = targets[i % targets.length];
      const n = (newCellNumbers.get(target) ?? 0) + 1;
      newCellNumbers.set(target, n);
      const newId = tree.add(`new:${cellCode(target, n)}`, {
        ...current,
        parentId: tree.id(`new:${target}`),
        code: cellCode(target, n),
        name: `${cell.name} ${oldCommuneShort.get(oldCode)}`,
        kind: 'cell',
      });
      cellEdges.push({ fromUnitId: tree.id(cell.key), toUnitId: newId });
    });
  }

  await createUnitsBulk(trx, tree.specs);

  const provinceEdges: LineageEdge[] = data.merge2025.province.from.map((code) => ({
    fromUnitId: tree.id(`old:${code}`),
    toUnitId: newProvinceId,
  }));
  const districtEdges: LineageEdge[] = [];
  const committeeEdges: LineageEdge[] = [];
  for (const province of data.units2024) {
    for (const district of province.children ?? []) {
      districtEdges.push({ fromUnitId: tree.id(`old:${district.code}`), toUnitId: newProvinceId });
    }
    for (const committee of DIRECT_COMMITTEES) {
      committeeEdges.push({
        fromUnitId: tree.id(`old:${province.code}-${committee.suffix}`),
        toUnitId: tree.id(`new:${newProvince.code}-${committee.suffix}`),
      });
    }
  }
  const event = { effectiveDate: NEW_FROM, legalBasis: LEGAL_BASIS_2025 };
  await recordReorganisation(trx, { ...event, kind: 'merge', note: 'Hợp nhất Tỉnh ủy Bạc Liêu và Tỉnh ủy Cà Mau' }, [
    ...provinceEdges,
    ...committeeEdges,
  ]);
  await recordReorganisation(
    trx,
    { ...event, kind: 'dissolve', note: 'Kết thúc hoạt động của đảng bộ cấp huyện' },
    districtEdges,
  );
  await recordReorganisation(trx, { ...event, kind: 'merge', note: 'Sắp xếp đảng bộ cấp xã' }, mergeEdges);
  await recordReorganisation(
    trx,
    { ...event, kind: 'move', note: 'Chi bộ chuyển về đảng bộ xã, phường mới' },
    cellEdges,
  );

  return {
    newProvinceId,
    newCommuneIds,
    unitsByPeriod: { before2025, from2025: tree.specs.length - before2025 },
  };
}

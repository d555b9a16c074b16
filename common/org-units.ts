/** Kinds of Party organisation, from the top of the tree down (DESIGN.md, "The organisation tree"). */
export const UNIT_KINDS = ['central', 'province', 'district', 'commune', 'grassroots', 'cell', 'agency'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  central: { vi: 'Trung ương', en: 'Central' },
  province: { vi: 'Tỉnh ủy', en: 'Provincial committee' },
  district: { vi: 'Huyện ủy, đảng ủy trực thuộc', en: 'District-level committee' },
  commune: { vi: 'Đảng ủy xã, phường, đặc khu', en: 'Commune committee' },
  grassroots: { vi: 'Tổ chức cơ sở đảng', en: 'Grassroots organisation' },
  cell: { vi: 'Chi bộ', en: 'Party cell' },
  agency: { vi: 'Cơ quan, ban, ngành', en: 'Agency' },
};

export const LINEAGE_EVENT_KINDS = ['merge', 'split', 'move', 'dissolve', 'rename', 'create', 'close'] as const;
export type LineageEventKind = (typeof LINEAGE_EVENT_KINDS)[number];

/** Unit codes: digits, letters, and `-` between parts (`96`, `970`, `96-QS`, `32041-07`, `TW`). */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

/** Which kinds a unit of each kind may hang under (`null`: it may be a root). */
export const ALLOWED_PARENT_KINDS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  central: [null],
  province: ['central'],
  district: ['province', 'central'],
  commune: ['province', 'district'],
  grassroots: ['central', 'province', 'district', 'commune', 'agency'],
  cell: ['district', 'commune', 'grassroots', 'agency'],
  agency: ['central', 'province', 'district', 'commune'],
};

export const LINEAGE_EVENT_LABELS: Record<LineageEventKind, { vi: string; en: string }> = {
  merge: { vi: 'Hợp nhất, sáp nhập', en: 'Merge' },
  split: { vi: 'Chia tách', en: 'Split' },
  move: { vi: 'Điều chuyển', en: 'Move' },
  dissolve: { vi: 'Giải thể', en: 'Dissolution' },
  rename: { vi: 'Đổi tên', en: 'Rename' },
  create: { vi: 'Thành lập', en: 'Creation' },
  close: { vi: 'Chấm dứt hoạt động', en: 'Closure' },
};

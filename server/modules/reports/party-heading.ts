import type { UnitKind } from '../../../common/org-units';

// The heading of a Party document (HD 36-HD/VPTW): the superior Party organisation, the issuing body, its symbol in
// the document number, and the place printed before the date — all derived from the unit's name and its parent's.

export interface HeadingUnit {
  name: string;
  kind: UnitKind | string;
  validFrom: string;
}

export interface PartyHeading {
  /** "ĐẢNG BỘ TỈNH CÀ MAU" (empty for the central level). */
  superior: string;
  /** "TỈNH ỦY", "HUYỆN ỦY ĐẦM DƠI", "ĐẢNG ỦY XÃ ĐẦM DƠI". */
  issuer: string;
  /** The issuer part of the symbol: TU, HU, ĐU, CB, TW. */
  symbolIssuer: string;
  /** "Cà Mau". */
  place: string;
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

const COMMITTEE_PREFIX = /^(Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|Đảng ủy|Chi bộ)\s+/;

/** "Tỉnh ủy Cà Mau" → "Đảng bộ tỉnh Cà Mau": the organisation a committee leads. */
export function partyOrganisation(name: string): string {
  return name
    .replace(/^Tỉnh ủy /, 'Đảng bộ tỉnh ')
    .replace(/^Huyện ủy /, 'Đảng bộ huyện ')
    .replace(/^Thành ủy /, 'Đảng bộ thành phố ')
    .replace(/^Thị ủy /, 'Đảng bộ thị xã ')
    .replace(/^Đảng ủy /, 'Đảng bộ ');
}

/** "Đảng ủy xã Đầm Dơi" → "Đầm Dơi": the locality the date line names. */
export function placeName(name: string): string {
  return name
    .replace(COMMITTEE_PREFIX, '')
    .replace(/^(xã|phường|thị trấn|đặc khu|thành phố|thị xã|huyện|tỉnh)\s+/i, '')
    .trim();
}

function symbolFor(unit: HeadingUnit): string {
  if (unit.kind === 'central') {
    return 'TW';
  }
  if (/^(Tỉnh ủy|Thành ủy|Thị ủy)/.test(unit.name)) {
    return 'TU';
  }
  if (/^Huyện ủy/.test(unit.name)) {
    return 'HU';
  }
  if (/^Chi bộ/.test(unit.name) || unit.kind === 'cell') {
    return 'CB';
  }
  return 'ĐU';
}

/**
 * The heading for a document issued by `unit`, whose parent is `parent` (null for the top). A provincial committee
 * prints "ĐẢNG BỘ TỈNH CÀ MAU / TỈNH ỦY"; a unit below prints its parent's organisation above its own name.
 */
export function partyHeading(unit: HeadingUnit, parent: HeadingUnit | null, placeOverride?: string): PartyHeading {
  if (unit.kind === 'central') {
    return { superior: '', issuer: 'BAN CHẤP HÀNH TRUNG ƯƠNG', symbolIssuer: 'TW', place: placeOverride ?? 'Hà Nội' };
  }
  const place = placeOverride ?? (unit.kind === 'cell' && parent ? placeName(parent.name) : placeName(unit.name));
  if (unit.kind === 'province') {
    return { superior: upper(partyOrganisation(unit.name)), issuer: 'TỈNH ỦY', symbolIssuer: 'TU', place };
  }
  return {
    superior: parent && parent.kind !== 'central' ? upper(partyOrganisation(parent.name)) : '',
    issuer: upper(unit.name),
    symbolIssuer: symbolFor(unit),
    place,
  };
}

/**
 * First day of the committee term a date falls in. Congresses of provincial and lower committees are held in the
 * autumn every five years (2015, 2020, 2025); a term is taken to start on 1 October of those years, or on the day a
 * unit was formed when that is later (the merged Tỉnh ủy Cà Mau starts its own series on 1/7/2025).
 */
export function termStart(date: string, unitValidFrom: string): string {
  const year = Number(date.slice(0, 4));
  let base = year - (year % 5);
  if (date < `${base}-10-01`) {
    base -= 5;
  }
  const start = `${base}-10-01`;
  return unitValidFrom > start && unitValidFrom <= date ? unitValidFrom : start;
}

/** "12-BC/TU": two digits at least, as numbering starts from 01. */
export function documentSymbol(number: number | null, docType: string, symbolIssuer: string): string {
  const n = number === null ? '     ' : String(number).padStart(2, '0');
  return `${n}-${docType}/${symbolIssuer}`;
}

import type { LineageEventKind, UnitKind } from '../../../common/org-units';
import type { UnitRef } from '../auth/types';

export interface OrgUnitSummary {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string;
  /** The last day the unit existed (inclusive), or null while it still does. */
  validTo: string | null;
  hasChildren: boolean;
}

export interface LineageLink {
  unit: { id: string; code: string; name: string; kind: UnitKind; validFrom: string; validTo: string | null };
  event: { kind: LineageEventKind; effectiveDate: string; legalBasis: string | null };
  isPartial: boolean;
}

export interface OrgUnitDetail extends OrgUnitSummary {
  version: number;
  parent: UnitRef | null;
  ancestors: UnitRef[];
  names: { name: string; validFrom: string; validTo: string | null }[];
  predecessors: LineageLink[];
  successors: LineageLink[];
  abilities: { canManage: boolean; canEdit?: boolean };
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  items: { code: string; name: string; kind: UnitKind; parentCode: string | null; validFrom: string }[];
}

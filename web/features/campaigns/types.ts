import type { CampaignKind, CampaignRelation, LinkDirection } from '../../../common/campaigns';
import type { UnitRef } from '../auth/types';

export interface CampaignRef {
  id: string;
  code: string;
  kind: CampaignKind;
  title: string;
}

export interface CampaignLink {
  relation: CampaignRelation;
  direction: LinkDirection;
  label: string;
  campaign: CampaignRef & { issuedOn: string };
}

export interface CampaignSummary {
  id: string;
  code: string;
  kind: CampaignKind;
  title: string;
  issuingBody: string;
  issuedOn: string;
  summary: string | null;
  scopeUnit: UnitRef;
  themesCount: number;
  links: CampaignLink[];
  version: number;
}

export interface CampaignDetail extends CampaignSummary {
  abilities: { canEdit: boolean; canAttach: boolean };
}

export interface CampaignInput {
  code: string;
  kind: CampaignKind;
  title: string;
  issuingBody: string;
  issuedOn: string;
  summary: string | null;
  scopeUnitId: string;
}

export interface CampaignFilters {
  search?: string;
  kind?: CampaignKind;
  /** Campaigns in force for this unit (its scope is the unit or above it). */
  appliesTo?: string;
  page?: number;
  pageSize?: number;
}

export interface ThemeSummary {
  id: string;
  code: string;
  title: string;
  description: string | null;
  periodStart: string;
  periodEnd: string;
  campaign: CampaignRef;
  scopeUnit: UnitRef;
  version: number;
  abilities: { canEdit: boolean; canAttach: boolean };
}

export type ThemeDetail = ThemeSummary;

export interface ThemeInput {
  code: string;
  title: string;
  description: string | null;
  periodStart: string;
  periodEnd: string;
  scopeUnitId: string;
}

export interface ThemeFilters {
  /** A campaign id or code. */
  campaign?: string;
  /** Themes that apply to this unit (scope is the unit or above); with `at`, the ones in force that day. */
  appliesTo?: string;
  at?: string;
  search?: string;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  abilities: { canCreate: boolean };
}

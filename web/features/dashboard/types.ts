import type { CommendationLevel, RecipientType } from '../../../common/commendations';
import type { FigureId, RecordColumnKind, Structure } from '../../../common/dashboard';
import type { InspectionForm, InspectionKind, RecommendationStatus } from '../../../common/inspections';
import type { ModelStatus } from '../../../common/models';
import type { UnitKind } from '../../../common/org-units';

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface DashboardUnit extends UnitRef {
  kind: UnitKind;
  validFrom: string;
  validTo: string | null;
}

export type FigureCounts = Record<FigureId, number>;

/** GET /api/v1/stats/overview (server/modules/dashboard/dashboard.schemas.ts). */
export interface Overview {
  unit: DashboardUnit;
  ancestors: UnitRef[];
  currentOf: UnitRef | null;
  from: string;
  to: string;
  structure: Structure;
  campaign: { id: string; code: string } | null;
  commendations: {
    total: number;
    collective: number;
    individual: number;
    byLevel: Record<CommendationLevel, Record<RecipientType, number>>;
  };
  models: {
    total: number;
    byStatus: Record<ModelStatus, number>;
    byField: { id: string; code: string; nameVi: string; nameEn: string; count: number }[];
  };
  meetings: MeetingShares & { thematic: number; regularShare: number | null; themeShare: number | null };
  inspections: { total: number; byKind: Record<InspectionKind, Record<InspectionForm, number>> };
  /** Due in the period; `overdue`: open or in progress with the deadline before `asOf` (today). */
  recommendations: { total: number; byStatus: Record<RecommendationStatus, number>; overdue: number; asOf: string };
  children: { unit: DashboardUnit; counts: FigureCounts; meetings: MeetingShares }[];
  own: FigureCounts;
  series: { month: string; counts: FigureCounts; meetings: MeetingShares }[];
}

/** Cell-months expected, with a regular meeting, with the theme studied. */
export interface MeetingShares {
  cellMonthsExpected: number;
  regular: number;
  themeIncluded: number;
}

export interface OverviewQuery {
  unit: string;
  from: string;
  to: string;
  campaign?: string;
  structure: Structure;
}

/** One part of a figure whose records are listed: the figure and its filters. */
export interface FigurePart {
  figure: FigureId;
  level?: CommendationLevel;
  recipientType?: RecipientType;
  status?: ModelStatus;
  field?: string;
  meetingType?: 'regular' | 'thematic';
  theme?: 'theme' | 'none';
  inspectionKind?: InspectionKind;
  form?: InspectionForm;
  recommendationStatus?: RecommendationStatus;
  overdue?: 'overdue' | 'none';
  /** What the list is of, for its title. */
  label: string;
}

export interface RecordsPage {
  figure: FigureId;
  unit: UnitRef;
  total: number;
  page: number;
  pageSize: number;
  dateLabel: { vi: string; en: string };
  columns: { key: string; vi: string; en: string; kind: RecordColumnKind }[];
  rows: {
    id: string;
    link: string;
    date: string;
    unitName: string;
    currentUnitName: string;
    values: Record<string, string | null>;
  }[];
}

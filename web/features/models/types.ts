import type { ModelKind, ModelStatus, RecognitionLevel } from '../../../common/models';
import type { UnitRef } from '../auth/types';

export interface FieldRef {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface ModelField extends FieldRef {
  sortOrder: number;
  isActive: boolean;
  version: number;
}

export interface ModelPersonValue {
  name: string;
  position: string | null;
}

export interface ModelIndicatorValue {
  indicator: string;
  value: number;
  unit: string | null;
}

export type StatusCounts = Record<ModelStatus, number>;

export interface ModelSummary {
  id: string;
  title: string;
  kind: ModelKind;
  status: ModelStatus;
  unit: UnitRef;
  field: FieldRef;
  startedOn: string;
  recognisedLevel: RecognitionLevel | null;
  recognisedOn: string | null;
  recognisedBy: UnitRef | null;
  people: ModelPersonValue[];
  replicationCount: number;
  coverUrl: string | null;
}

export interface ModelList {
  items: ModelSummary[];
  total: number;
  counts: StatusCounts;
  abilities: { canCreate: boolean; canManageFields: boolean };
}

export interface Replication {
  id: string;
  unit: UnitRef;
  startedOn: string;
  note: string | null;
  canRemove: boolean;
}

export interface TimelineEntry {
  id: string;
  fromStatus: ModelStatus | null;
  toStatus: ModelStatus;
  effectiveOn: string;
  at: string;
  user: { id: string; fullName: string } | null;
  note: string | null;
  decisionId: string | null;
}

export interface ModelDetail extends ModelSummary {
  description: string | null;
  results: string | null;
  indicators: ModelIndicatorValue[];
  theme: { id: string; code: string; title: string } | null;
  campaigns: { id: string; code: string; title: string }[];
  recognisedDecisionId: string | null;
  recognisedDecision: { id: string; number: string; decisionDate: string } | null;
  replications: Replication[];
  timeline: TimelineEntry[];
  documentsCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: { canEdit: boolean; canRecognise: boolean; canReplicate: boolean; canArchive: boolean };
}

/** The registry's filters, as they sit in the URL. */
export interface ModelFilters {
  status?: ModelStatus;
  kind?: ModelKind;
  field?: string;
  campaign?: string;
  theme?: string;
  unit?: string;
  from?: string;
  to?: string;
  search?: string;
}

export interface ModelInput {
  title: string;
  kind: ModelKind;
  unitId: string;
  people: ModelPersonValue[];
  fieldId: string;
  themeId: string | null;
  startedOn: string;
  description: string | null;
  results: string | null;
  indicators: ModelIndicatorValue[];
  campaignIds: string[];
}

export interface ImportModelsResult {
  dryRun: boolean;
  created: number;
  items: { title: string; kind: ModelKind; unitCode: string; startedOn: string; status: ModelStatus }[];
}

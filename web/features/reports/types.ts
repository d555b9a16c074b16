import type { PeriodType, SubmissionStatus } from '../../../common/reports';
import type { UnitRef } from '../auth/types';

export type Value = number | string | null;

export interface Indicator {
  code: string;
  label: string;
  unitLabel: string | null;
  valueType: 'integer' | 'percent' | 'text';
  source: 'computed' | 'manual';
  catalogueCode: string | null;
  rollUp: 'sum' | 'weighted_average' | 'none';
  weightCode: string | null;
  sectionKey: string | null;
}

export interface Section {
  key: string;
  title: string;
  hint: string | null;
}

export interface Template {
  id: string;
  code: string;
  name: string;
  campaign: { id: string; code: string } | null;
  owner: UnitRef;
  periodType: PeriodType;
  customFrom: string | null;
  customTo: string | null;
  deadlineDays: number;
  subject: string;
  sections: Section[];
  indicators: Indicator[];
  obligations: { id: string; reviewer: UnitRef; unitKind: string | null; reporter: UnitRef | null }[];
  isActive: boolean;
  submissionCount: number;
  version: number;
  abilities: { canManage: boolean };
}

export interface PeriodRef {
  key: string;
  from: string;
  to: string;
  label: string;
}

export interface SubmissionSummary {
  id: string;
  template: { id: string; code: string; name: string };
  unit: UnitRef;
  reviewer: UnitRef;
  period: PeriodRef;
  dueOn: string;
  status: SubmissionStatus;
  revision: number;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  docSymbol: string | null;
  version: number;
}

export interface Comment {
  id: string;
  revision: number;
  target: 'whole' | 'section' | 'indicator';
  targetKey: string | null;
  body: string;
  author: string | null;
  createdAt: string;
}

export interface SubmissionDetail extends SubmissionSummary {
  sections: (Section & { text: string })[];
  indicators: (Indicator & { value: Value })[];
  computedAt: string | null;
  comments: Comment[];
  events: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    revision: number;
    note: string | null;
    user: string | null;
    at: string;
  }[];
  revisions: { revision: number; submittedAt: string; by: string | null }[];
  abilities: { canEdit: boolean; canSubmit: boolean; canReview: boolean; canUnlock: boolean };
}

export interface Diff {
  from: string;
  to: string;
  indicators: { code: string; label: string; before: Value; after: Value }[];
  sections: { key: string; title: string; before: string; after: string }[];
}

export interface Compare {
  computedAt: string | null;
  items: { code: string; label: string; stored: Value; today: Value; delta: number | null }[];
}

export interface Review {
  template: { id: string; code: string; name: string };
  reviewer: UnitRef;
  period: PeriodRef;
  dueOn: string;
  completeness: {
    expected: number;
    submitted: number;
    approved: number;
    onTime: number;
    late: number;
    pending: number;
  };
  units: {
    unit: UnitRef;
    submissionId: string | null;
    status: SubmissionStatus | 'missing';
    firstSubmittedAt: string | null;
    isLate: boolean;
    daysLate: number | null;
  }[];
  aggregate: (Indicator & { approvedValue: number | null; approvedCount: number; ownValue: number | null })[];
  document: { symbol: string; issuedOn: string } | null;
  abilities: { canReview: boolean; canIssueNumber: boolean };
}

export interface CatalogueEntry {
  code: string;
  label: string;
  unitLabel: string;
  valueType: 'integer' | 'percent' | 'text';
  rollUp: 'sum' | 'weighted_average' | 'none';
}

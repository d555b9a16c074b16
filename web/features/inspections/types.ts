import type {
  InspectionForm,
  InspectionKind,
  InspectionStep,
  MemberRole,
  PlanStatus,
  RecommendationCategory,
  RecommendationStatus,
} from '../../../common/inspections';
import type { UnitKind } from '../../../common/org-units';

export interface InspUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  validTo: string | null;
}

export interface DurationWarning {
  code: 'DURATION_OVER_LIMIT' | 'DURATION_OVER_EXTENSION';
  dates: 'planned' | 'actual';
  days: number;
  limit: number;
  message: string;
}

export interface PlanSummary {
  id: string;
  unit: InspUnit;
  year: number;
  title: string;
  number: string | null;
  status: PlanStatus;
  approvedOn: string | null;
  inspectionCount: number;
  closedCount: number;
}

export interface InspectionSummary {
  id: string;
  planId: string;
  kind: InspectionKind;
  form: InspectionForm;
  title: string;
  conductingUnit: InspUnit;
  campaign: { id: string; code: string } | null;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  step: InspectionStep;
  subjects: InspUnit[];
  recommendationCount: number;
  overdueCount: number;
  warnings: DurationWarning[];
}

export interface PlanDetail extends PlanSummary {
  note: string | null;
  approvedBy: { id: string; fullName: string } | null;
  version: number;
  inspections: InspectionSummary[];
  abilities: { canEdit: boolean; canApprove: boolean; canAddInspection: boolean };
}

export interface RecommendationSummary {
  id: string;
  inspection: {
    id: string;
    title: string;
    kind: InspectionKind;
    conclusionNumber: string | null;
    conclusionDate: string | null;
    conductingUnit: InspUnit;
  };
  text: string;
  category: RecommendationCategory;
  ownerUnit: InspUnit;
  deadline: string;
  status: RecommendationStatus;
  isOverdue: boolean;
  isAwaitingReview: boolean;
  reportOn: string | null;
  doneOn: string | null;
  isDoneOnTime: boolean | null;
  version: number;
}

export interface RecommendationDetail extends RecommendationSummary {
  reportText: string | null;
  reportSubmittedOn: string | null;
  reportedBy: { id: string; fullName: string } | null;
  acceptedBy: { id: string; fullName: string } | null;
  reviews: {
    id: string;
    decision: 'accepted' | 'returned';
    reason: string | null;
    reviewedOn: string;
    user: { id: string; fullName: string } | null;
    at: string;
  }[];
  abilities: { canEdit: boolean; canDelete: boolean; canStart: boolean; canReport: boolean; canReview: boolean };
}

export interface Member {
  id?: string;
  fullName: string;
  position: string | null;
  role: MemberRole;
}

export interface InspectionDetail extends InspectionSummary {
  plan: { id: string; title: string; year: number; status: PlanStatus };
  content: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  outlineSentOn: string | null;
  conclusionNumber: string | null;
  conclusionDate: string | null;
  strengths: string | null;
  shortcomings: string | null;
  causes: string | null;
  requirements: string | null;
  subjectReports: {
    id: string;
    unit: InspUnit;
    selfReportReceivedOn: string | null;
    selfReportSummary: string | null;
    canWriteSelfReport: boolean;
  }[];
  members: Member[];
  sessions: { id: string; heldOn: string; subjectUnit: InspUnit | null; place: string | null; summary: string }[];
  recommendations: RecommendationSummary[];
  version: number;
  abilities: {
    canEdit: boolean;
    canStart: boolean;
    canAddSession: boolean;
    canClose: boolean;
    canAddRecommendation: boolean;
  };
}

export interface NewRecommendation {
  text: string;
  category: RecommendationCategory;
  ownerUnitId: string;
  deadline: string;
}

export interface InspectionCounts {
  inspections: number;
  supervisions: number;
  byLevel: Record<string, { inspection: number; supervision: number }>;
  thematic: number;
  subjectsCovered: number;
  recommendations: number;
  done: number;
  doneOnTime: number;
  overdue: number;
  difficultiesResolved: number;
}

export interface InspectionStats {
  unit: InspUnit;
  from: string;
  to: string;
  campaign: { id: string; code: string } | null;
  counts: InspectionCounts;
  ownCounts: InspectionCounts;
  children: { unit: InspUnit; counts: InspectionCounts }[];
}

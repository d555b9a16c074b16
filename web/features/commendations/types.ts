import type {
  CommendationForm,
  CommendationLevel,
  CommendationSystem,
  CommendationType,
  RecipientType,
} from '../../../common/commendations';
import type { UnitRef } from '../auth/types';

export interface Recipient {
  id: string;
  recipientType: RecipientType;
  name: string;
  /** The unit as it was on the decision date, with the name it bore then. */
  unit: UnitRef;
  position: string | null;
  reason: string | null;
}

export interface DecisionSummary {
  id: string;
  number: string;
  decisionDate: string;
  system: CommendationSystem;
  issuerName: string;
  issuerUnit: UnitRef | null;
  unit: UnitRef;
  level: CommendationLevel;
  form: CommendationForm;
  type: CommendationType;
  campaign: { id: string; code: string } | null;
  achievementFrom: string | null;
  achievementTo: string | null;
  signer: string | null;
  version: number;
  collectiveCount: number;
  individualCount: number;
}

export interface DecisionDetail extends DecisionSummary {
  recipients: Recipient[];
  abilities: { canEdit: boolean; canDelete: boolean };
}

export interface DecisionFilters {
  search?: string;
  level?: CommendationLevel;
  form?: CommendationForm;
  type?: CommendationType;
  campaign?: string;
  from?: string;
  to?: string;
  unit?: string;
  recipientType?: RecipientType;
}

export interface DecisionInput {
  number: string;
  decisionDate: string;
  system: CommendationSystem;
  issuerName: string;
  issuerUnitId: string | null;
  unitId?: string;
  level: CommendationLevel;
  form: CommendationForm;
  type: CommendationType;
  campaignId: string | null;
  achievementFrom: string | null;
  achievementTo: string | null;
  signer: string | null;
}

export interface RecipientInput {
  recipientType: RecipientType;
  name: string;
  unitId: string;
  position: string | null;
  reason: string | null;
}

export type LevelCounts = Record<CommendationLevel, Record<RecipientType, number>>;

export interface Counts {
  byLevel: LevelCounts;
  collective: number;
  individual: number;
  total: number;
}

export interface CommendationStats {
  unit: UnitRef;
  from: string;
  to: string;
  campaign: { id: string; code: string } | null;
  counts: Counts;
  children: { unit: UnitRef; counts: Counts }[];
  outsideChildren: Counts;
}

export interface ImportResult {
  dryRun: boolean;
  decisions: number;
  recipients: number;
  byLevel: LevelCounts;
  skipped: { number: string; decisionDate: string; issuerName: string }[];
  /** The first decisions it creates (or would), in file order; `decisions` says how many in all. */
  created: {
    number: string;
    decisionDate: string;
    level: CommendationLevel;
    form: CommendationForm;
    issuerName: string;
    campaignCode: string | null;
    recipients: number;
  }[];
}

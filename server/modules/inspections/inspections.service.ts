import { todayIso } from '../../../common/dates';
import {
  durationWarning,
  type DurationWarning,
  type InspectionForm,
  type InspectionKind,
  type InspectionStep,
  type MemberRole,
  type PlanStatus,
} from '../../../common/inspections';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { notFound } from '../../platform/errors';
import {
  checkPeriod,
  findVisibleCampaign,
  inspectionReach,
  loadVisibleInspection,
  resolveVisibleUnit,
} from './inspections-access';
import * as repo from './inspections.repository';
import type { InspectionDetail, InspectionSummary, ListInspectionsQuery, UnitRef } from './inspections.schemas';
import { listRecommendationsOfInspection } from './recommendations.service';

export function inspectionSearchKey(title: string, content: string | null): string {
  return foldVietnamese(`${title} ${content ?? ''}`);
}

const stripPath = ({ path: _path, ...unit }: UnitRef & { path: string }): UnitRef => unit;

/** Duration warnings of the planned dates and, once ended, of the actual ones (never a refusal). */
export function inspectionWarnings(
  row: Pick<repo.InspectionRow, 'planned_start' | 'planned_end' | 'actual_start' | 'actual_end'> & {
    conducting_unit: Pick<UnitRef, 'kind'>;
  },
): DurationWarning[] {
  const warnings: (DurationWarning | undefined)[] = [
    durationWarning(row.conducting_unit.kind, row.planned_start, row.planned_end, 'planned'),
  ];
  if (row.actual_start && row.actual_end) {
    warnings.push(durationWarning(row.conducting_unit.kind, row.actual_start, row.actual_end, 'actual'));
  }
  return warnings.filter((warning): warning is DurationWarning => warning !== undefined);
}

export function toInspectionSummary(row: repo.InspectionRow): InspectionSummary {
  return {
    id: row.id,
    planId: row.plan_id,
    kind: row.kind as InspectionKind,
    form: row.form as InspectionForm,
    title: row.title,
    conductingUnit: row.conducting_unit,
    campaign: row.campaign_id ? { id: row.campaign_id, code: row.campaign_code ?? '' } : null,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    step: row.step as InspectionStep,
    subjects: row.subjects.map(stripPath),
    recommendationCount: row.recommendation_count,
    overdueCount: row.overdue_count,
    warnings: inspectionWarnings(row),
  };
}

/** Inspections the caller reads (conducting unit or a subject in reach), filtered, newest first. */
export async function listInspections(db: DbOrTrx, actor: Actor, query: ListInspectionsQuery) {
  checkPeriod(query.from, query.to);
  const today = todayIso();
  const filter: repo.InspectionFilter = {
    scope: inspectionReach(actor),
    planId: query.plan,
    kind: query.kind,
    step: query.step,
    from: query.from,
    to: query.to,
  };
  if (query.unit) {
    filter.underPath = (await resolveVisibleUnit(db, actor, query.unit, query.to ?? today)).path;
  }
  if (query.subject) {
    filter.subjectPath = (await resolveVisibleUnit(db, actor, query.subject, query.to ?? today)).path;
  }
  if (query.campaign) {
    const campaign = await findVisibleCampaign(db, actor, query.campaign);
    if (!campaign) {
      throw notFound(`Văn bản ${query.campaign}`);
    }
    filter.campaignId = campaign.id;
  }
  const folded = query.search ? foldVietnamese(query.search) : '';
  filter.words = folded ? folded.split(' ') : undefined;
  const { rows, total } = await repo.listInspections(db, filter, today, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: rows.map(toInspectionSummary), total };
}

export async function listInspectionsOfPlan(db: DbOrTrx, actor: Actor, planId: string): Promise<InspectionSummary[]> {
  const { rows } = await repo.listInspections(db, { scope: inspectionReach(actor), planId }, todayIso(), {
    offset: 0,
    limit: 1000,
  });
  return rows.map(toInspectionSummary).reverse();
}

/** One inspection: plan, subjects with their self-inspection reports, team, sessions, conclusion, recommendations. */
export async function getInspection(db: DbOrTrx, actor: Actor, id: string): Promise<InspectionDetail> {
  const today = todayIso();
  const row = await loadVisibleInspection(db, actor, id, today);
  const [subjects, members, sessions, recommendations] = await Promise.all([
    repo.listSubjects(db, id),
    repo.listMembers(db, id),
    repo.listSessions(db, id),
    listRecommendationsOfInspection(db, actor, id),
  ]);
  const canEdit = actor.scope.can(row.conducting_path, 'editor');
  return {
    ...toInspectionSummary(row),
    plan: { id: row.plan_id, title: row.plan_title, year: row.plan_year, status: row.plan_status as PlanStatus },
    content: row.content,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    outlineSentOn: row.outline_sent_on,
    conclusionNumber: row.conclusion_number,
    conclusionDate: row.conclusion_date,
    strengths: row.strengths,
    shortcomings: row.shortcomings,
    causes: row.causes,
    requirements: row.requirements,
    subjectReports: subjects.map((subject) => ({
      id: subject.id,
      unit: subject.unit,
      selfReportReceivedOn: subject.self_report_received_on,
      selfReportSummary: subject.self_report_summary,
      canWriteSelfReport: row.step === 'conduct' && (canEdit || actor.scope.can(subject.unit_path, 'editor')),
    })),
    members: members.map((member) => ({
      id: member.id,
      fullName: member.full_name,
      position: member.position,
      role: member.role as MemberRole,
    })),
    sessions: sessions.map((session) => ({
      id: session.id,
      heldOn: session.held_on,
      subjectUnit: session.subject_unit,
      place: session.place,
      summary: session.summary,
    })),
    recommendations,
    version: row.version,
    abilities: {
      canEdit: canEdit && row.step !== 'closed',
      canStart: canEdit && row.step === 'prepare' && row.plan_status === 'approved',
      canAddSession: canEdit && row.step === 'conduct',
      canClose: canEdit && row.step === 'conduct',
      canAddRecommendation: canEdit && row.step === 'closed',
    },
  };
}

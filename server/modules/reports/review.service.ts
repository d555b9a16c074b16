import { formatDateVi, todayIso } from '../../../common/dates';
import type { SubmissionStatus } from '../../../common/reports';
import { compareVietnamese } from '../../../common/text';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { forbidden, notFound } from '../../platform/errors';
import { notifyUnitStaff } from '../notifications/notifications.service';
import { resolveUnit } from '../org-units/org-units.service';
import { findAggregateDocument } from './aggregate-number';
import * as repo from './submissions.repository';
import { computeValues } from './submission-values';
import { templatePeriod } from './submissions.service';
import * as templatesRepo from './templates.repository';
import { loadTemplate } from './templates.service';
import type { Indicator, Review, ReviewQuery } from './reports.schemas';

// The level above: its children's submissions with status, completeness against the obligations, and the aggregate
// of the approved submissions beside its own figures from the records.

const DAY = 86_400_000;
const vnDay = (d: Date) => todayIso(d);

/** Rolls the approved values of one indicator up by its rule; null when nothing can be said. */
export function rollUp(
  indicator: Indicator,
  submissions: { values: Record<string, { value: unknown }> }[],
): number | null {
  const numbers = submissions
    .map((s) => ({
      v: s.values[indicator.code]?.value,
      w: indicator.weightCode ? s.values[indicator.weightCode]?.value : 1,
    }))
    .filter((x): x is { v: number; w: number } => typeof x.v === 'number' && typeof x.w === 'number');
  if (numbers.length === 0 || indicator.rollUp === 'none') {
    return null;
  }
  if (indicator.rollUp === 'sum') {
    return numbers.reduce((sum, x) => sum + x.v, 0);
  }
  const weight = numbers.reduce((sum, x) => sum + x.w, 0);
  return weight === 0 ? null : Math.round((numbers.reduce((sum, x) => sum + x.v * x.w, 0) / weight) * 10) / 10;
}

export interface ReviewData {
  review: Review;
  approved: repo.SubmissionRow[];
  template: Awaited<ReturnType<typeof loadTemplate>>;
  reviewerRow: NonNullable<Awaited<ReturnType<typeof resolveUnit>>>;
}

/**
 * What the reviewing unit sees for one template and period: each expected unit with its submission's status,
 * completeness (expected, submitted, on time, late), and per indicator the roll-up of approved submissions and the
 * reviewer's own figure from the records.
 */
export async function loadReview(db: DbOrTrx, actor: Actor, query: ReviewQuery): Promise<ReviewData> {
  const template = await loadTemplate(db, actor, query.template);
  const period = templatePeriod(template.row, query.period, 'query.period');
  const reviewer = await resolveUnit(db, query.unit, period.to);
  if (!reviewer || !actor.scope.can(reviewer.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  const obligations = template.obligations.filter((o) => o.reviewer_unit_id === reviewer.id);
  const [expected, submissions] = await Promise.all([
    templatesRepo.listExpectedUnits(db, obligations, period.to),
    repo.listSubmissions(db, {
      scope: actor.scope.sqlContains(repo.unitPathRef, 'viewer'),
      templateId: template.row.id,
      periodKey: period.key,
      reviewerId: reviewer.id,
    }),
  ]);
  const dueOn = new Date(Date.parse(`${period.to}T00:00:00Z`) + template.row.deadline_days * DAY)
    .toISOString()
    .slice(0, 10);
  const today = todayIso();
  const byUnit = new Map(submissions.map((s) => [s.unit_id, s]));
  const units = [...expected]
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((unit) => {
      const s = byUnit.get(unit.id);
      const sentOn = s?.first_submitted_at ? vnDay(s.first_submitted_at) : null;
      const lateUntil = sentOn ?? today;
      const isLate = lateUntil > dueOn;
      return {
        unit: { id: unit.id, code: unit.code, name: unit.name },
        submissionId: s?.id ?? null,
        status: (s?.status ?? 'missing') as SubmissionStatus | 'missing',
        firstSubmittedAt: s?.first_submitted_at?.toISOString() ?? null,
        isLate,
        daysLate: isLate ? Math.round((Date.parse(lateUntil) - Date.parse(dueOn)) / DAY) : null,
      };
    });
  const submitted = units.filter((u) => u.firstSubmittedAt !== null);
  const approved = submissions.filter((s) => s.status === 'approved');
  const [own, document] = await Promise.all([
    computeValues(db, actor, template, reviewer, period),
    findAggregateDocument(db, { reviewerId: reviewer.id, templateId: template.row.id, periodKey: period.key }),
  ]);
  const review: Review = {
    template: { id: template.row.id, code: template.row.code, name: template.row.name },
    reviewer: { id: reviewer.id, code: reviewer.code, name: reviewer.name },
    period: { key: period.key, from: period.from, to: period.to, label: period.label },
    dueOn,
    completeness: {
      expected: units.length,
      submitted: submitted.length,
      approved: units.filter((u) => u.status === 'approved').length,
      onTime: submitted.filter((u) => !u.isLate).length,
      late: units.filter((u) => u.isLate).length,
      pending: units.filter((u) => u.firstSubmittedAt === null && !u.isLate).length,
    },
    units,
    aggregate: template.indicators.map((indicator) => {
      const ownValue = own[indicator.code]?.value;
      return {
        ...indicator,
        approvedValue: rollUp(indicator, approved),
        approvedCount: approved.filter((s) => typeof s.values[indicator.code]?.value === 'number').length,
        ownValue: typeof ownValue === 'number' ? ownValue : null,
      };
    }),
    document: document ? { symbol: document.symbol, issuedOn: document.issuedOn } : null,
    abilities: {
      canReview: actor.scope.can(reviewer.path, 'manager'),
      canIssueNumber: !document && actor.scope.can(reviewer.path, 'editor'),
    },
  };
  return { review, approved, template, reviewerRow: reviewer };
}

export async function getReview(db: DbOrTrx, actor: Actor, query: ReviewQuery): Promise<Review> {
  return (await loadReview(db, actor, query)).review;
}

/**
 * Reminds the late units (past the deadline and not yet sent) in the app: their editors and managers get a
 * notification with the deadline. A manager of the reviewing unit only.
 */
export async function remindLateUnits(db: Db, actor: Actor, query: ReviewQuery) {
  const { review } = await loadReview(db, actor, query);
  const reviewerPath = (await resolveUnit(db, review.reviewer.id, review.period.to))!.path;
  if (!actor.scope.can(reviewerPath, 'manager')) {
    throw forbidden(`Chỉ quản lý của ${review.reviewer.name} mới được nhắc các đơn vị.`);
  }
  const late = review.units.filter((u) => u.isLate && u.firstSubmittedAt === null);
  return db.transaction().execute(async (trx) => {
    const notified = await notifyUnitStaff(
      trx,
      late.map((u) => u.unit.id),
      'editor',
      (unitId) => {
        const unit = late.find((u) => u.unit.id === unitId)!;
        return {
          kind: 'report.reminder',
          title: `Nhắc nộp báo cáo "${review.template.name}" kỳ ${review.period.label}`,
          body: `${review.reviewer.name} nhắc: hạn nộp ${formatDateVi(review.dueOn)}, ${unit.unit.name} đã chậm ${unit.daysLate} ngày.`,
          link: `/reports/my?template=${review.template.id}&period=${review.period.key}`,
        };
      },
    );
    await recordAudit(trx, actor, {
      action: 'report.remind',
      entityType: 'report_template',
      entityId: review.template.id,
      unitId: review.reviewer.id,
      summary: `Nhắc ${late.length} đơn vị chậm nộp báo cáo "${review.template.name}" kỳ ${review.period.label}`,
      after: { units: late.map((u) => u.unit.code), notified },
    });
    return { units: late.length, notified };
  });
}

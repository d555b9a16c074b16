import { formatDateVi, todayIso } from '../../../common/dates';
import { inTransaction, type Db, type DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors';
import { resolveUnit } from '../org-units/org-units.service';
import { issuerContext } from './document-context';
import { issueDocumentNumber } from './document-numbers';
import * as numbersRepo from './document-numbers.repository';
import type { ReviewQuery } from './reports.schemas';
import { templatePeriod } from './submissions.service';
import { loadTemplate } from './templates.service';

export interface AggregateDocument {
  number: number;
  symbol: string;
  issuedOn: string;
}

/** The number the reviewing unit's aggregate for a template and period was given, if any. */
export async function findAggregateDocument(
  db: DbOrTrx,
  key: { reviewerId: string; templateId: string; periodKey: string },
): Promise<AggregateDocument | undefined> {
  const row = await numbersRepo.findAggregateDocument(db, {
    issuerUnitId: key.reviewerId,
    templateId: key.templateId,
    periodKey: key.periodKey,
  });
  return row && { number: row.number, symbol: row.symbol, issuedOn: row.issued_on };
}

/**
 * Gives the aggregate report of a reviewing unit (its combined report on a template for a period) a number in the
 * unit's series of reports for the committee term — the next one, or one the office already gave — dated today.
 * Once: the aggregate keeps its number and date, and is printed with them from then on. The reviewing unit's
 * editors and managers issue it, as they issue the unit's own reports.
 */
export async function issueAggregateNumber(
  db: Db,
  actor: Actor,
  input: ReviewQuery & { number?: number },
): Promise<AggregateDocument> {
  const template = await loadTemplate(db, actor, input.template);
  const period = templatePeriod(template.row, input.period, 'body.period');
  const reviewer = await resolveUnit(db, input.unit, period.to);
  if (!reviewer || !actor.scope.can(reviewer.path, 'viewer')) {
    throw notFound('Đơn vị');
  }
  if (!actor.scope.can(reviewer.path, 'editor')) {
    throw forbidden(`Chỉ người nhập liệu hoặc quản lý của ${reviewer.name} mới được cấp số báo cáo tổng hợp.`);
  }
  if (!template.obligations.some((o) => o.reviewer_unit_id === reviewer.id)) {
    const message = `${reviewer.name} không nhận báo cáo theo mẫu "${template.row.name}".`;
    throw validationFailed(message, [{ path: 'body.unit', message }]);
  }
  const issuedOn = todayIso();
  const ctx = await issuerContext(db, reviewer, issuedOn);
  return inTransaction(db, async (trx) => {
    const key = { reviewerId: reviewer.id, templateId: template.row.id, periodKey: period.key };
    const existing = await findAggregateDocument(trx, key);
    if (existing) {
      const message = `Báo cáo tổng hợp ${period.label} của ${reviewer.name} đã có số ${existing.symbol} ngày ${formatDateVi(existing.issuedOn)}.`;
      throw conflict(message, [{ path: 'body', message }]);
    }
    const issued = await issueDocumentNumber(trx, actor, {
      issuer: { id: reviewer.id, validFrom: reviewer.valid_from },
      docType: 'BC',
      symbolIssuer: ctx.heading.symbolIssuer,
      issuedOn,
      subject: `Báo cáo tổng hợp ${template.row.subject} ${period.label}`,
      sourceKind: 'aggregate',
      sourceId: template.row.id,
      sourcePeriod: period.key,
      number: input.number,
    });
    await recordAudit(trx, actor, {
      action: 'report.aggregate.issue',
      entityType: 'issued_document',
      unitId: reviewer.id,
      summary: `Cấp số ${issued.symbol} cho báo cáo tổng hợp "${template.row.name}" ${period.label} (${reviewer.name})`,
      after: { symbol: issued.symbol, issuedOn, template: template.row.code, period: period.key },
    });
    return { number: issued.number, symbol: issued.symbol, issuedOn };
  });
}

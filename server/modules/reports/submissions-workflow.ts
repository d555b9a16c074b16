import { sql } from 'kysely';
import { todayIso } from '../../../common/dates';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { assertVersion } from '../../platform/concurrency';
import { forbidden, validationFailed } from '../../platform/errors';
import { notifyUnitStaff, notifyUsers } from '../notifications/notifications.service';
import { resolveUnit } from '../org-units/org-units.service';
import { issuerContext } from './document-context';
import { issueDocumentNumber } from './document-numbers';
import * as repo from './submissions.repository';
import { getSubmission, invalidState, loadEditable, loadSubmission } from './submissions.service';
import { loadTemplate } from './templates.service';
import type { ReturnInput, SubmissionDetail } from './reports.schemas';

// The life of a submission: draft → submitted → approved | returned → submitted … ; approved → (unlock) → returned.
// A refused step answers 409 INVALID_STATE; a stale version 409 CONFLICT.

const link = (id: string) => `/reports/submissions/${id}`;

/**
 * Sends a draft or returned submission up (an editor of the unit): the figures and texts are frozen as a new
 * version, the first sending gives the report its number in the unit's series, and the reviewers are told.
 */
export async function submitSubmission(db: Db, actor: Actor, id: string, version: number): Promise<SubmissionDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadEditable(trx, actor, id, version);
    const template = await loadTemplate(trx, actor, row.template_id);
    const missing = template.indicators.filter(
      (i) => i.source === 'manual' && i.valueType !== 'text' && (row.values[i.code]?.value ?? null) === null,
    );
    if (missing.length) {
      throw validationFailed(
        'Còn chỉ tiêu chưa nhập số liệu.',
        missing.map((i) => ({ path: `body.values.${i.code}`, message: `Nhập "${i.label}"` })),
      );
    }
    const revision = row.revision + 1;
    let doc: { doc_number?: number; doc_symbol?: string; doc_date?: string } = {};
    if (row.doc_number === null) {
      const today = todayIso();
      const unit = await resolveUnit(trx, row.unit_id, row.period_to);
      const ctx = await issuerContext(trx, unit!, today);
      const issued = await issueDocumentNumber(trx, actor, {
        issuer: { id: row.unit_id, validFrom: unit!.valid_from },
        docType: 'BC',
        symbolIssuer: ctx.heading.symbolIssuer,
        issuedOn: today,
        subject: `Báo cáo ${template.row.subject}`,
        sourceKind: 'submission',
        sourceId: row.id,
      });
      doc = { doc_number: issued.number, doc_symbol: issued.symbol, doc_date: today };
    }
    await repo.insertVersion(trx, {
      submission_id: id,
      revision,
      values: JSON.stringify(row.values),
      sections: JSON.stringify(row.sections),
      computed_at: row.computed_at,
      submitted_by: actor.userId,
    });
    await repo.updateSubmission(trx, id, row.version, {
      status: 'submitted',
      revision,
      submitted_at: sql`now()`,
      ...(row.first_submitted_at ? {} : { first_submitted_at: sql`now()` }),
      ...doc,
    });
    const isResubmission = row.status === 'returned';
    await repo.insertEvent(trx, {
      submission_id: id,
      action: 'submit',
      from_status: row.status,
      to_status: 'submitted',
      revision,
      note: isResubmission ? 'Gửi lại sau khi chỉnh sửa' : null,
      user_id: actor.userId,
    });
    await notifyUnitStaff(trx, [row.reviewer_unit_id], 'manager', () => ({
      kind: 'report.submitted',
      title: `${row.unit_name} ${isResubmission ? 'gửi lại' : 'gửi'} báo cáo "${row.template_name}"`,
      body: `Kỳ ${row.period_key}, phiên bản ${revision}.`,
      link: link(id),
    }));
    await recordAudit(trx, actor, {
      action: isResubmission ? 'report.submission.resubmit' : 'report.submission.submit',
      entityType: 'report_submission',
      entityId: id,
      unitId: row.unit_id,
      summary: `${isResubmission ? 'Gửi lại' : 'Gửi'} báo cáo "${row.template_name}" của ${row.unit_name} (phiên bản ${revision})`,
      before: { status: row.status, revision: row.revision },
      after: { status: 'submitted', revision, docSymbol: doc.doc_symbol ?? row.doc_symbol },
    });
  });
  return getSubmission(db, actor, id);
}

/** Loads a submission for a reviewer's step: a manager of the reviewing unit, the submission in `status`. */
async function loadForReview(trx: DbOrTrx, actor: Actor, id: string, version: number, status: string, step: string) {
  const row = await loadSubmission(trx, actor, id, true);
  if (!actor.scope.can(row.reviewer_path, 'manager')) {
    throw forbidden(`Chỉ quản lý của ${row.reviewer_name} mới được ${step} báo cáo này.`);
  }
  if (row.status !== status) {
    const now: Record<string, string> = {
      draft: 'đang soạn, chưa gửi',
      submitted: 'đã gửi, đang chờ xem xét',
      returned: 'đã trả lại cho đơn vị',
      approved: 'đã được duyệt',
    };
    throw invalidState(`Không thể ${step}: báo cáo ${now[row.status] ?? row.status}.`);
  }
  assertVersion({ version: row.version }, { version });
  return row;
}

async function tellUnit(trx: DbOrTrx, row: repo.SubmissionRow, kind: string, title: string, body: string) {
  await notifyUnitStaff(trx, [row.unit_id], 'editor', () => ({ kind, title, body, link: link(row.id) }));
  if (row.created_by) {
    const staff = await notifyUsersIfOutside(trx, row);
    if (staff) {
      await notifyUsers(trx, [row.created_by], { kind, title, body, link: link(row.id) });
    }
  }
}

/** The author is told too when their grant is not on the unit itself (a province editor typing for a commune). */
async function notifyUsersIfOutside(trx: DbOrTrx, row: repo.SubmissionRow): Promise<boolean> {
  const grant = await trx
    .selectFrom('user_grant')
    .select('id')
    .where('user_id', '=', row.created_by!)
    .where('unit_id', '=', row.unit_id)
    .executeTakeFirst();
  return !grant;
}

/** Returns a submitted report to its unit with comments on the whole, a section or an indicator. */
export async function returnSubmission(
  db: Db,
  actor: Actor,
  id: string,
  input: ReturnInput,
): Promise<SubmissionDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadForReview(trx, actor, id, input.version, 'submitted', 'trả lại');
    const template = await loadTemplate(trx, actor, row.template_id);
    const sectionKeys = new Set(template.row.sections.map((s) => s.key));
    const indicatorCodes = new Set(template.indicators.map((i) => i.code));
    const details = input.comments.flatMap((c, i) => {
      const path = `body.comments.${i}.targetKey`;
      if (c.target === 'whole') {
        return c.targetKey ? [{ path, message: 'Ý kiến chung không gắn với phần hay chỉ tiêu nào' }] : [];
      }
      const known = c.target === 'section' ? sectionKeys : indicatorCodes;
      return c.targetKey && known.has(c.targetKey)
        ? []
        : [{ path, message: c.target === 'section' ? 'Chọn một phần của báo cáo' : 'Chọn một chỉ tiêu của báo cáo' }];
    });
    if (details.length) {
      throw validationFailed('Ý kiến chưa hợp lệ.', details);
    }
    await repo.insertComments(
      trx,
      input.comments.map((c) => ({
        submission_id: id,
        revision: row.revision,
        target: c.target,
        target_key: c.target === 'whole' ? null : (c.targetKey ?? null),
        body: c.body,
        user_id: actor.userId,
      })),
    );
    await repo.updateSubmission(trx, id, row.version, { status: 'returned' });
    await repo.insertEvent(trx, {
      submission_id: id,
      action: 'return',
      from_status: 'submitted',
      to_status: 'returned',
      revision: row.revision,
      note: input.comments.map((c) => c.body).join(' | '),
      user_id: actor.userId,
    });
    await tellUnit(
      trx,
      row,
      'report.returned',
      `${row.reviewer_name} trả lại báo cáo "${row.template_name}"`,
      input.comments[0].body,
    );
    await recordAudit(trx, actor, {
      action: 'report.submission.return',
      entityType: 'report_submission',
      entityId: id,
      unitId: row.unit_id,
      summary: `Trả lại báo cáo "${row.template_name}" của ${row.unit_name} (phiên bản ${row.revision})`,
      before: { status: 'submitted' },
      after: { status: 'returned', comments: input.comments },
    });
  });
  return getSubmission(db, actor, id);
}

/** Approves a submitted report; approval locks it. */
export async function approveSubmission(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number; comment?: string | null },
): Promise<SubmissionDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadForReview(trx, actor, id, input.version, 'submitted', 'duyệt');
    if (input.comment) {
      await repo.insertComments(trx, [
        {
          submission_id: id,
          revision: row.revision,
          target: 'whole',
          target_key: null,
          body: input.comment,
          user_id: actor.userId,
        },
      ]);
    }
    await repo.updateSubmission(trx, id, row.version, {
      status: 'approved',
      approved_at: sql`now()`,
      approved_by: actor.userId,
    });
    await repo.insertEvent(trx, {
      submission_id: id,
      action: 'approve',
      from_status: 'submitted',
      to_status: 'approved',
      revision: row.revision,
      note: input.comment ?? null,
      user_id: actor.userId,
    });
    await tellUnit(
      trx,
      row,
      'report.approved',
      `${row.reviewer_name} đã duyệt báo cáo "${row.template_name}"`,
      `Phiên bản ${row.revision} được duyệt và khóa.`,
    );
    await recordAudit(trx, actor, {
      action: 'report.submission.approve',
      entityType: 'report_submission',
      entityId: id,
      unitId: row.unit_id,
      summary: `Duyệt báo cáo "${row.template_name}" của ${row.unit_name} (phiên bản ${row.revision})`,
      before: { status: 'submitted' },
      after: { status: 'approved', revision: row.revision, comment: input.comment ?? null },
    });
  });
  return getSubmission(db, actor, id);
}

/** Unlocks an approved report with a reason: it goes back to the unit as returned, to be corrected and resent. */
export async function unlockSubmission(
  db: Db,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
): Promise<SubmissionDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadForReview(trx, actor, id, input.version, 'approved', 'mở khóa');
    await repo.insertComments(trx, [
      {
        submission_id: id,
        revision: row.revision,
        target: 'whole',
        target_key: null,
        body: `Mở khóa: ${input.reason}`,
        user_id: actor.userId,
      },
    ]);
    await repo.updateSubmission(trx, id, row.version, { status: 'returned', approved_at: null, approved_by: null });
    await repo.insertEvent(trx, {
      submission_id: id,
      action: 'unlock',
      from_status: 'approved',
      to_status: 'returned',
      revision: row.revision,
      note: input.reason,
      user_id: actor.userId,
    });
    await tellUnit(
      trx,
      row,
      'report.unlocked',
      `${row.reviewer_name} mở khóa báo cáo "${row.template_name}"`,
      input.reason,
    );
    await recordAudit(trx, actor, {
      action: 'report.submission.unlock',
      entityType: 'report_submission',
      entityId: id,
      unitId: row.unit_id,
      summary: `Mở khóa báo cáo đã duyệt "${row.template_name}" của ${row.unit_name}: ${input.reason}`,
      before: { status: 'approved', approvedAt: row.approved_at },
      after: { status: 'returned', reason: input.reason },
    });
  });
  return getSubmission(db, actor, id);
}

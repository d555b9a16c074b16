import { formatDateVi } from '../../../common/dates';
import type { Db, DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { commendationParagraph, inspectionsParagraph, meetingsParagraph, modelsParagraph } from './drafting';
import { loadSources } from './indicators';
import type { SubmissionDetail } from './reports.schemas';
import { computeValues } from './submission-values';
import { getSubmission, iso, loadEditable, loadSubmission } from './submissions.service';
import * as repo from './submissions.repository';
import { loadTemplate } from './templates.service';

// A submission against the records: its computed figures filled again, its text drafted from them, and the stored
// figures beside today's.

/** Fills the computed indicators again from the records as they are now. */
export async function refreshSubmission(db: Db, actor: Actor, id: string, version: number): Promise<SubmissionDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await loadEditable(trx, actor, id, version);
    const template = await loadTemplate(trx, actor, row.template_id);
    const computed = await computeValues(
      trx,
      actor,
      template,
      { id: row.unit_id, code: row.unit_code },
      { from: row.period_from, to: row.period_to },
    );
    await repo.updateSubmission(trx, id, row.version, {
      values: JSON.stringify({ ...row.values, ...computed }),
      computed_at: new Date(),
    });
    await recordAudit(trx, actor, {
      action: 'report.submission.refresh',
      entityType: 'report_submission',
      entityId: id,
      unitId: row.unit_id,
      summary: `Cập nhật số liệu từ dữ liệu cho báo cáo "${row.template_name}" của ${row.unit_name}`,
      before: Object.fromEntries(Object.keys(computed).map((c) => [c, row.values[c]?.value ?? null])),
      after: Object.fromEntries(Object.entries(computed).map(([c, v]) => [c, v.value])),
    });
  });
  return getSubmission(db, actor, id);
}

/**
 * Drafted text for the sections from the records (the results part gets the models and commendation sentences);
 * nothing is saved — the user edits the draft and saves it as the section's text.
 */
export async function draftSubmissionText(
  db: DbOrTrx,
  actor: Actor,
  id: string,
): Promise<{ sections: Record<string, string> }> {
  const row = await loadSubmission(db, actor, id);
  const template = await loadTemplate(db, actor, row.template_id);
  const results = await loadSources(
    db,
    actor,
    {
      unitId: row.unit_id,
      unitCode: row.unit_code,
      from: row.period_from,
      to: row.period_to,
      campaignId: template.row.campaign_id,
    },
    ['commendations.collective', 'models.total', 'meetings.cells', 'inspections.inspections'],
  );
  const resultsSection =
    template.row.sections.find((s) => /kết quả/i.test(s.title)) ?? template.row.sections.find((s) => s.key === 'II');
  const sections: Record<string, string> = {};
  if (resultsSection) {
    const area = row.unit_name.replace(/^(Đảng ủy|Huyện ủy|Thành ủy|Tỉnh ủy|Chi bộ)\s+/, '');
    const lines = [
      results.meetings ? meetingsParagraph(results.meetings) : null,
      results.models ? modelsParagraph(results.models) : null,
      results.commendations ? commendationParagraph(results.commendations, area) : null,
      results.inspections ? inspectionsParagraph(results.inspections) : null,
    ].filter((line): line is string => line !== null);
    sections[resultsSection.key] = lines.length
      ? lines.join('\n')
      : `Trong kỳ (${formatDateVi(row.period_from)} – ${formatDateVi(row.period_to)}) chưa ghi nhận mô hình, khen thưởng.`;
  }
  return { sections };
}

/**
 * The stored computed figures beside the same figures from today's records: an approved submission is a snapshot,
 * and this shows what has moved since.
 */
export async function compareWithRecords(db: DbOrTrx, actor: Actor, id: string) {
  const row = await loadSubmission(db, actor, id);
  const template = await loadTemplate(db, actor, row.template_id);
  const today = await computeValues(
    db,
    actor,
    template,
    { id: row.unit_id, code: row.unit_code },
    { from: row.period_from, to: row.period_to },
  );
  return {
    computedAt: iso(row.computed_at),
    items: template.indicators
      .filter((i) => i.source === 'computed')
      .map((i) => {
        const stored = row.values[i.code]?.value ?? null;
        const now = today[i.code]?.value ?? null;
        return {
          code: i.code,
          label: i.label,
          stored,
          today: now,
          delta: typeof stored === 'number' && typeof now === 'number' ? now - stored : null,
        };
      }),
  };
}

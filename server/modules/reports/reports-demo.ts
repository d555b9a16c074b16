import { DEFAULT_SECTIONS } from '../../../common/reports';
import { periodOf } from '../../../common/report-periods';
import crypto from 'node:crypto';
import { addDays } from '../../../common/dates';
import type { DbOrTrx } from '../../db/connection';
import type { StoredValue } from '../../db/tables/reports';
import { systemActor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { findCampaignByCode } from '../campaigns/campaigns-lookup';
import { SeededRandom } from '../demo/random';
import { countCommendations } from '../commendations/commendations-stats';
import { countModels } from '../models/models-stats';
import * as repo from './templates.repository';

/** What the demo receives from the demo organisation. */
export interface DemoReportsContext {
  newProvinceId: string;
  newCommuneIds: Map<string, string>;
}

export const DEMO_TEMPLATE_CODE = 'BC-QUY-CT05';
/** The quarter the demo fills: most communes reported on time, some late, some not yet. */
export const DEMO_QUARTER = '2026-Q3';

const INDICATORS = [
  {
    code: 'khen.tap_the',
    label: 'Tập thể được khen thưởng',
    unit_label: 'tập thể',
    value_type: 'integer',
    source: 'computed',
    catalogue_code: 'commendations.collective',
    roll_up: 'sum',
    weight_code: null,
    section_key: 'II',
  },
  {
    code: 'khen.ca_nhan',
    label: 'Cá nhân được khen thưởng',
    unit_label: 'cá nhân',
    value_type: 'integer',
    source: 'computed',
    catalogue_code: 'commendations.individual',
    roll_up: 'sum',
    weight_code: null,
    section_key: 'II',
  },
  {
    code: 'mo_hinh',
    label: 'Mô hình, cách làm hay đăng ký xây dựng',
    unit_label: 'mô hình',
    value_type: 'integer',
    source: 'computed',
    catalogue_code: 'models.total',
    roll_up: 'sum',
    weight_code: null,
    section_key: 'II',
  },
  {
    code: 'hoi_nghi',
    label: 'Hội nghị quán triệt, học tập chuyên đề',
    unit_label: 'hội nghị',
    value_type: 'integer',
    source: 'manual',
    catalogue_code: null,
    roll_up: 'sum',
    weight_code: null,
    section_key: 'I',
  },
  {
    code: 'chi_bo',
    label: 'Chi bộ trực thuộc',
    unit_label: 'chi bộ',
    value_type: 'integer',
    source: 'manual',
    catalogue_code: null,
    roll_up: 'sum',
    weight_code: null,
    section_key: 'II',
  },
  {
    code: 'chi_bo_chuyen_de',
    label: 'Tỷ lệ chi bộ đưa chuyên đề vào sinh hoạt định kỳ',
    unit_label: '%',
    value_type: 'percent',
    source: 'manual',
    catalogue_code: null,
    roll_up: 'weighted_average',
    weight_code: 'chi_bo',
    section_key: 'II',
  },
];

const SECTION_TEXTS: Record<string, string[]> = {
  I: [
    'Đảng ủy ban hành kế hoạch thực hiện chuyên đề năm 2026; tổ chức hội nghị quán triệt cho cán bộ, đảng viên.',
    'Ban Thường vụ Đảng ủy chỉ đạo các chi bộ đưa nội dung chuyên đề vào sinh hoạt định kỳ hằng tháng.',
  ],
  II: [
    'Các chi bộ đăng ký việc làm theo gương Bác gắn với nhiệm vụ chính trị của địa phương.',
    'Phát hiện, biểu dương kịp thời các tập thể, cá nhân điển hình trong phong trào thi đua.',
  ],
  III: ['Việc học tập và làm theo được duy trì nền nếp; một số chi bộ sinh hoạt chuyên đề còn hình thức.'],
  IV: ['Tiếp tục đưa nội dung chuyên đề vào sinh hoạt chi bộ; nhân rộng các mô hình hiệu quả.'],
  V: ['Đề nghị Tỉnh ủy tổ chức tập huấn cho bí thư chi bộ về sinh hoạt chuyên đề.'],
};

/**
 * A quarterly report template of the merged Tỉnh ủy Cà Mau that every commune committee reports on, and the third
 * quarter of 2026 filled in: most communes sent on time and were approved, a few sent late, some not at all — so
 * the review page shows completeness with late units and an aggregate. Đảng ủy xã Đầm Dơi (the demo commune) has
 * sent its report; the fourth quarter is left for the users.
 */
export async function loadDemoReports(trx: DbOrTrx, ctx: DemoReportsContext): Promise<{ submissions: number }> {
  const random = new SeededRandom('lantoa-reports-demo');
  const actor = systemActor('demo');
  const campaign = await findCampaignByCode(trx, '05-CT/TW');
  const templateId = await repo.insertTemplate(trx, {
    code: DEMO_TEMPLATE_CODE,
    name: 'Báo cáo quý thực hiện Chỉ thị 05-CT/TW',
    campaign_id: campaign?.id ?? null,
    owner_unit_id: ctx.newProvinceId,
    period_type: 'quarter',
    custom_from: null,
    custom_to: null,
    deadline_days: 10,
    subject: 'kết quả thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị trong quý',
    sections: JSON.stringify(DEFAULT_SECTIONS),
    created_by: null,
  });
  await repo.replaceIndicators(trx, templateId, INDICATORS);
  await repo.insertObligation(trx, {
    template_id: templateId,
    reviewer_unit_id: ctx.newProvinceId,
    unit_kind: 'commune',
    reporter_unit_id: null,
    created_by: null,
  });

  const period = periodOf('quarter', DEMO_QUARTER)!;
  const dueOn = addDays(period.to, 10);
  // The computed indicators of every commune from two calls: the province's figures broken down by child unit.
  const figureQuery = { from: period.from, to: period.to };
  const commendations = await countCommendations(trx, actor, {
    unitId: ctx.newProvinceId,
    ...figureQuery,
    campaignId: campaign?.id ?? null,
  });
  const commendationsByChild = new Map(commendations.children.map((c) => [c.unit.id, c.counts]));
  const models = await countModels(trx, actor, { unit: ctx.newProvinceId, ...figureQuery, campaign: campaign?.id });
  const modelsByChild = new Map(models.children.map((c) => [c.unit.id, c.total]));
  const communes = [...ctx.newCommuneIds.entries()].sort(([a], [b]) => a.localeCompare(b));
  const submissions = [];
  const versions = [];
  const events = [];
  for (const [code, unitId] of communes) {
    const roll = code === '32152' ? 0 : random.next();
    if (roll > 0.86) {
      continue; // not sent
    }
    const isLate = roll > 0.76;
    const isApproved = roll < 0.62;
    const sentOn = isLate ? random.date(addDays(dueOn, 3), addDays(dueOn, 30)) : random.date('2026-10-01', dueOn);
    const sentAt = new Date(`${sentOn}T09:${String(random.int(10, 59))}:00+07:00`);
    const counts = commendationsByChild.get(unitId);
    const cells = random.int(8, 26);
    const values: Record<string, StoredValue> = {
      'khen.tap_the': { value: counts?.collective ?? 0 },
      'khen.ca_nhan': { value: counts?.individual ?? 0 },
      mo_hinh: { value: modelsByChild.get(unitId) ?? 0 },
      hoi_nghi: { value: random.int(1, 4) },
      chi_bo: { value: cells },
      chi_bo_chuyen_de: { value: random.int(700, 1000) / 10 },
    };
    const sections = Object.fromEntries(Object.entries(SECTION_TEXTS).map(([key, lines]) => [key, random.pick(lines)]));
    const id = crypto.randomUUID();
    submissions.push({
      id,
      template_id: templateId,
      unit_id: unitId,
      reviewer_unit_id: ctx.newProvinceId,
      period_key: period.key,
      period_from: period.from,
      period_to: period.to,
      due_on: dueOn,
      status: isApproved ? 'approved' : 'submitted',
      values: JSON.stringify(values),
      computed_at: sentAt,
      sections: JSON.stringify(sections),
      revision: 1,
      first_submitted_at: sentAt,
      submitted_at: sentAt,
      approved_at: isApproved ? new Date(sentAt.getTime() + 3 * 86_400_000) : null,
      doc_number: random.int(20, 40),
      doc_symbol: null as string | null,
      doc_date: sentOn,
      created_by: null,
    });
    submissions[submissions.length - 1].doc_symbol = `${submissions[submissions.length - 1].doc_number}-BC/ĐU`;
    versions.push({
      submission_id: id,
      revision: 1,
      values: JSON.stringify(values),
      sections: JSON.stringify(sections),
      computed_at: sentAt,
      submitted_by: null,
      submitted_at: sentAt,
    });
    events.push(
      {
        submission_id: id,
        action: 'create',
        from_status: null,
        to_status: 'draft',
        revision: 0,
        note: null,
        user_id: null,
        at: sentAt,
      },
      {
        submission_id: id,
        action: 'submit',
        from_status: 'draft',
        to_status: 'submitted',
        revision: 1,
        note: null,
        user_id: null,
        at: sentAt,
      },
    );
    if (isApproved) {
      events.push({
        submission_id: id,
        action: 'approve',
        from_status: 'submitted',
        to_status: 'approved',
        revision: 1,
        note: null,
        user_id: null,
        at: new Date(sentAt.getTime() + 3 * 86_400_000),
      });
    }
  }
  if (submissions.length) {
    await trx.insertInto('report_submission').values(submissions).execute();
    await trx.insertInto('report_submission_version').values(versions).execute();
    await trx.insertInto('report_submission_event').values(events).execute();
  }
  await recordAudit(trx, actor, {
    action: 'report.demo',
    entityType: 'report_template',
    entityId: templateId,
    unitId: ctx.newProvinceId,
    summary: `Nạp dữ liệu mẫu: mẫu báo cáo quý, ${submissions.length} báo cáo quý III/2026 của các đảng ủy xã, phường`,
  });
  return { submissions: submissions.length };
}

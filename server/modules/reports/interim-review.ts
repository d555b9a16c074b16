import { COMMENDATION_LEVELS } from '../../../common/commendations';
import { CAMPAIGN_KIND_LABELS, type CampaignKind } from '../../../common/campaigns';
import { formatDateVi } from '../../../common/dates';
import { inTransaction, type Db } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { forbidden, notFound, validationFailed } from '../../platform/errors';
import { findCampaignByCode } from '../campaigns/campaigns-lookup';
import { resolveUnit } from '../org-units/org-units.service';
import { issuerContext } from './document-context';
import { issueDocumentNumber } from './document-numbers';
import {
  commendationClauses,
  commendationParagraph,
  countText,
  modelsParagraph,
  placeAndDate,
  reviewYears,
} from './drafting';
import { LEVEL_PHRASES, loadSources } from './indicators';
import { buildPartyDocument, type BodyBlock } from './party-docx';
import { documentSymbol, partyOrganisation } from './party-heading';

export interface InterimReviewInput {
  /** Unit code or id, resolved as the unit was on `to`. */
  unit: string;
  campaign: string;
  from: string;
  to: string;
  /** Date printed on the document; the period's last day by default. */
  issuedOn?: string;
  /** Take a number from the issuer's series (true), use this one (a number), or leave it blank for a draft (false). */
  number: boolean | number;
  signerName?: string | null;
}

export interface InterimReview {
  docx: Buffer;
  fileName: string;
  symbol: string;
  subject: string;
  /** The commendation clauses printed in part II (null when nobody was commended). */
  commendationText: string | null;
}

function campaignPhrase(campaign: { code: string; kind: CampaignKind; title: string }): string {
  // "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về …" → without the date, as subject lines print it.
  const title = campaign.title.replace(/\s+ngày\s+\d{1,2}\/\d{1,2}\/\d{4}/, '');
  return title.includes(campaign.code)
    ? title
    : `${CAMPAIGN_KIND_LABELS[campaign.kind].vi} số ${campaign.code} ${title}`;
}

/**
 * The interim-review report (báo cáo sơ kết) of a unit over a period, drafted straight from the records: the heading
 * and number in Party format, parts I–V with the figures put into sentences, a table and a chart of the
 * commendations, the signature block and the recipients. No submission is needed; numbering it records the number.
 */
export async function buildInterimReview(db: Db, actor: Actor, input: InterimReviewInput): Promise<InterimReview> {
  if (input.to < input.from) {
    const message = `Ngày kết thúc (${formatDateVi(input.to)}) trước ngày bắt đầu (${formatDateVi(input.from)}).`;
    throw validationFailed(message, [{ path: 'to', message }]);
  }
  const unit = await resolveUnit(db, input.unit, input.to);
  if (!unit || !actor.scope.can(unit.path, 'viewer')) {
    throw notFound(`Đơn vị ${input.unit}`);
  }
  if (input.number !== false && !actor.scope.can(unit.path, 'editor')) {
    throw forbidden('Chỉ người nhập liệu của đơn vị mới được cấp số văn bản.');
  }
  const campaign = await findCampaignByCode(db, input.campaign);
  if (!campaign) {
    const message = `Không có chương trình, chỉ thị "${input.campaign}".`;
    throw validationFailed(message, [{ path: 'campaign', message }]);
  }
  const issuedOn = input.issuedOn ?? input.to;
  const ctx = await issuerContext(db, unit, input.to);
  const years = reviewYears(input.from, input.to);
  const subject = `sơ kết ${years > 0 ? `${countText(years)} năm ` : ''}thực hiện ${campaignPhrase(campaign)}`;
  const results = await loadSources(
    db,
    actor,
    { unitId: unit.id, unitCode: unit.code, from: input.from, to: input.to, campaignId: campaign.id },
    ['commendations.collective', 'models.total'],
  );
  const area = unit.kind === 'province' ? `toàn tỉnh ${ctx.heading.place}` : partyOrganisation(unit.name).toLowerCase();
  const body = draftBody({
    unitName: unit.name,
    campaign: campaignPhrase(campaign),
    issuedOn: campaign.title.match(/ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/)?.[1] ?? null,
    area,
    period: `${formatDateVi(input.from)} đến ${formatDateVi(input.to)}`,
    years,
    results,
  });

  return inTransaction(db, async (trx) => {
    let number: number | null = null;
    if (input.number !== false) {
      const issued = await issueDocumentNumber(trx, actor, {
        issuer: { id: unit.id, validFrom: unit.valid_from },
        docType: 'BC',
        symbolIssuer: ctx.heading.symbolIssuer,
        issuedOn,
        subject: `Báo cáo ${subject}`,
        sourceKind: 'interim_review',
        sourceId: null,
        number: input.number === true ? undefined : input.number,
      });
      number = issued.number;
      await recordAudit(trx, actor, {
        action: 'report.interim_review.issue',
        entityType: 'issued_document',
        unitId: unit.id,
        summary: `Cấp số ${issued.symbol} cho báo cáo ${subject} (${unit.name})`,
        after: { symbol: issued.symbol, issuedOn, from: input.from, to: input.to, campaign: campaign.code },
      });
    }
    const symbol = documentSymbol(number, 'BC', ctx.heading.symbolIssuer);
    const docx = await buildPartyDocument({
      header: { ...ctx.heading, symbol, placeAndDate: placeAndDate(ctx.heading.place, issuedOn) },
      typeName: 'BÁO CÁO',
      subject,
      body,
      signature: { ...ctx.signature, name: input.signerName ?? null },
      recipients: ctx.recipients,
    });
    return {
      docx,
      fileName: `bao-cao-so-ket-${unit.code}-${input.from}-${input.to}.docx`,
      symbol,
      subject,
      commendationText: results.commendations ? commendationClauses(results.commendations) : null,
    };
  });
}

function draftBody(d: {
  unitName: string;
  campaign: string;
  issuedOn: string | null;
  area: string;
  period: string;
  years: number;
  results: Awaited<ReturnType<typeof loadSources>>;
}): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const counts = d.results.commendations;
  const p = (text: string, italic = false): BodyBlock => ({ kind: 'paragraph', text, italic });
  const h = (text: string, level: 1 | 2 = 1): BodyBlock => ({ kind: 'heading', text, level });
  const fill = (what: string) => p(`[${what}]`, true);

  blocks.push(
    p(
      `Thực hiện ${d.campaign}${d.issuedOn ? ` (ban hành ngày ${d.issuedOn})` : ''}, ${d.unitName} báo cáo sơ kết ` +
        `kết quả thực hiện trong thời gian từ ${d.period} như sau:`,
    ),
    h('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, QUÁN TRIỆT, TRIỂN KHAI'),
    p(
      `${d.unitName} đã ban hành kế hoạch, hướng dẫn triển khai thực hiện; chỉ đạo cấp ủy các cấp tổ chức quán triệt, ` +
        'học tập chuyên đề hằng năm gắn với sinh hoạt chi bộ định kỳ và nhiệm vụ chính trị của địa phương, cơ quan, đơn vị.',
    ),
    fill('Nêu các văn bản lãnh đạo, chỉ đạo đã ban hành và số hội nghị quán triệt, số lượt cán bộ, đảng viên tham dự'),
    h('II. KẾT QUẢ THỰC HIỆN'),
    h('1. Học tập chuyên đề và đưa nội dung vào sinh hoạt chi bộ', 2),
    fill('Nêu kết quả học tập chuyên đề, tỷ lệ chi bộ đưa nội dung chuyên đề vào sinh hoạt định kỳ'),
    h('2. Xây dựng, nhân rộng điển hình; biểu dương, khen thưởng', 2),
  );
  const models = d.results.models ? modelsParagraph(d.results.models) : null;
  if (models) {
    blocks.push(p(models));
  }
  const commendation = counts ? commendationParagraph(counts, d.area) : null;
  if (counts && commendation) {
    blocks.push(p(commendation));
    const levels = [...COMMENDATION_LEVELS]
      .reverse()
      .filter((level) => counts.byLevel[level].collective + counts.byLevel[level].individual > 0);
    const label = (level: (typeof levels)[number]) =>
      LEVEL_PHRASES[level].charAt(0).toUpperCase() + LEVEL_PHRASES[level].slice(1);
    blocks.push({
      kind: 'table',
      title: `Bảng 1. Tập thể, cá nhân được khen thưởng (${d.period})`,
      columns: ['Cấp khen thưởng', 'Tập thể', 'Cá nhân', 'Cộng'],
      numeric: [false, true, true, true],
      rows: [
        ...levels.map((level) => {
          const c = counts.byLevel[level];
          return [
            label(level),
            countText(c.collective),
            countText(c.individual),
            countText(c.collective + c.individual),
          ];
        }),
        ['Tổng cộng', countText(counts.collective), countText(counts.individual), countText(counts.total)],
      ],
    });
    blocks.push({
      kind: 'chart',
      title: 'Biểu đồ 1. Tập thể, cá nhân được khen thưởng theo cấp',
      categories: levels.map(label),
      series: ['tập thể', 'cá nhân'],
      values: levels.map((level) => [counts.byLevel[level].collective, counts.byLevel[level].individual]),
      format: countText,
    });
  } else {
    blocks.push(fill('Chưa có số liệu khen thưởng trong kỳ; nêu kết quả biểu dương, khen thưởng'));
  }
  blocks.push(
    h('3. Kiểm tra, giám sát', 2),
    fill('Nêu số cuộc kiểm tra, giám sát chuyên đề, số tổ chức đảng được kiểm tra, kiến nghị và kết quả khắc phục'),
    h('III. ĐÁNH GIÁ CHUNG'),
    h('1. Ưu điểm', 2),
    p(
      `Qua ${countText(d.years)} năm triển khai, việc thực hiện ${d.campaign.replace(/ về .*$/, '')} đã dần trở thành ` +
        'nhiệm vụ quan trọng, thường xuyên của mỗi tổ chức đảng, cơ quan, đơn vị, mỗi cán bộ, đảng viên; việc học tập ' +
        'các chuyên đề được đưa vào sinh hoạt định kỳ ở chi bộ, tạo sự chuyển biến trong nhận thức và hành động.',
    ),
    h('2. Hạn chế, khuyết điểm và nguyên nhân', 2),
    fill('Nêu hạn chế, khuyết điểm và nguyên nhân'),
    h('3. Bài học kinh nghiệm', 2),
    fill('Nêu bài học kinh nghiệm'),
    h('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP'),
    p(
      'Phát huy những kết quả đạt được, đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với ' +
        'thực hiện tốt các nghị quyết, chỉ thị, quy định của Đảng; khắc phục những hạn chế, khuyết điểm; phát huy tính ' +
        'chủ động, sáng tạo, tinh thần trách nhiệm của cấp ủy các cấp; đổi mới nội dung, hình thức chỉ đạo và tổ chức ' +
        'thực hiện bảo đảm thiết thực, phù hợp, hiệu quả với từng địa phương, đơn vị.',
    ),
    h('V. ĐỀ XUẤT, KIẾN NGHỊ'),
    fill('Nêu đề xuất, kiến nghị với cấp trên'),
  );
  return blocks;
}

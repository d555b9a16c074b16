import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { paragraphXml, readDocx } from '../../test/docx';
import { createTestContext, type TestContext } from '../../test/harness';
import { countCommendations } from '../commendations/commendations-stats';
import { countInspections } from '../inspections/inspections-stats';
import { computeMeetingFigures } from '../meetings/meetings-stats';
import { DEMO_PERIOD } from '../commendations/commendations-demo';
import { loadScope } from '../../platform/access';
import { resolveUnit } from '../org-units/org-units.service';
import { buildInterimReview } from './interim-review';
import { DEMO_QUARTER, DEMO_TEMPLATE_CODE } from './reports-demo';
import { getReview } from './review.service';

const ARTICLE =
  'cấp huyện, thành phố khen 281 tập thể và 410 cá nhân; cấp tỉnh khen 46 tập thể và 56 cá nhân; ' +
  'cấp Trung ương khen 02 tập thể và 02 cá nhân';

let t: TestContext;
const system = systemActor('test');

async function demoActor(username: string): Promise<Actor> {
  const user = await t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return { userId: user.id, username, scope: await loadScope(t.database.db, user.id) };
}

beforeAll(async () => {
  t = await createTestContext({ demo: true });
});

afterAll(async () => {
  await t?.close();
});

const review = (actor: Actor, number: boolean | number, unit = '96') =>
  buildInterimReview(t.database.db, actor, {
    unit,
    campaign: '05-CT/TW',
    from: DEMO_PERIOD.from,
    to: DEMO_PERIOD.to,
    number,
    signerName: 'Nguyễn Văn A',
  });

describe('interim-review document for Tỉnh ủy Cà Mau, 15/5/2016 – 20/8/2019', () => {
  it('carries the Party heading, the number, the date line and the article’s sentence word for word', async () => {
    const result = await review(system, 12);
    const doc = await readDocx(result.docx);
    const text = doc.paragraphs.join('\n');
    const order = [
      'ĐẢNG BỘ TỈNH CÀ MAU',
      'TỈNH ỦY',
      '*',
      'Số 12-BC/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Cà Mau, ngày 20 tháng 8 năm 2019',
      'BÁO CÁO',
      'sơ kết 03 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, QUÁN TRIỆT, TRIỂN KHAI',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Nguyễn Văn A',
    ];
    let at = -1;
    for (const line of order) {
      const index = doc.paragraphs.indexOf(line, at + 1);
      expect(index, `"${line}" after paragraph ${at}`).toBeGreaterThan(at);
      at = index;
    }
    expect(text).toContain(`(${ARTICLE} đã có thành tích xuất sắc, tiêu biểu`);
    expect(result.commendationText).toBe(ARTICLE);
    expect(result.symbol).toBe('12-BC/TU');
    expect(doc.paragraphs).toContain('- Lưu Văn phòng Tỉnh ủy Cà Mau.');

    // Sizes of HD 36: 15 pt bold heading, 14 pt italic date line, 16 pt bold type, Times New Roman throughout.
    expect(paragraphXml(doc, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="30"\/>/);
    expect(paragraphXml(doc, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:pBdr>[\s\S]*<w:bottom /);
    expect(paragraphXml(doc, 'Cà Mau, ngày 20 tháng 8 năm 2019')).toMatch(/<w:i\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(paragraphXml(doc, 'BÁO CÁO')).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="32"\/>/);
    expect(paragraphXml(doc, 'TỈNH ỦY')).toMatch(/<w:b\/>/);
    expect(doc.xml).not.toMatch(/w:ascii="(?!Times New Roman)/);
    // A4 with margins 20/20/30/15 mm.
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    // The chart is an embedded PNG.
    const pngs = [...doc.media.values()].filter((data) => data.subarray(1, 4).toString('ascii') === 'PNG');
    expect(pngs).toHaveLength(1);
  });

  it('prints the figures of the records in its table, level by level', async () => {
    const caMau = await resolveUnit(t.database.db, '96', DEMO_PERIOD.to);
    const campaign = await t.database.db
      .selectFrom('campaign')
      .select('id')
      .where('code', '=', '05-CT/TW')
      .executeTakeFirstOrThrow();
    const stats = await countCommendations(t.database.db, system, {
      unitId: caMau!.id,
      from: DEMO_PERIOD.from,
      to: DEMO_PERIOD.to,
      campaignId: campaign.id,
    });
    const doc = await readDocx((await review(system, false)).docx);
    const row = (label: string) => {
      const i = doc.paragraphs.indexOf(label);
      return doc.paragraphs.slice(i + 1, i + 4);
    };
    const { district } = stats.counts.byLevel;
    expect(row('Cấp huyện, thành phố')).toEqual([
      String(district.collective),
      String(district.individual),
      String(district.collective + district.individual),
    ]);
    expect(row('Cấp tỉnh')).toEqual(['46', '56', '102']);
    expect(row('Cấp Trung ương')).toEqual(['02', '02', '04']);
    expect(row('Tổng cộng')).toEqual([
      String(stats.counts.collective),
      String(stats.counts.individual),
      String(stats.counts.total),
    ]);
  });

  it('drafts the cell-meeting and inspection sentences from the records', async () => {
    const caMau = (await resolveUnit(t.database.db, '96', DEMO_PERIOD.to))!;
    const campaign = await t.database.db
      .selectFrom('campaign')
      .select('id')
      .where('code', '=', '05-CT/TW')
      .executeTakeFirstOrThrow();
    const input = { unitId: caMau.id, from: DEMO_PERIOD.from, to: DEMO_PERIOD.to, campaignId: campaign.id };
    const meetings = (await computeMeetingFigures(t.database.db, system, input)).totals;
    const inspections = (await countInspections(t.database.db, system, { ...input, unit: caMau.id })).counts;
    const text = (await readDocx((await review(system, false)).docx)).paragraphs.join('\n');
    const n = (v: number) => (v < 10 ? `0${v}` : new Intl.NumberFormat('vi-VN').format(v));
    expect(meetings.cellMonthsExpected).toBeGreaterThan(0);
    expect(text).toContain(
      `Việc học tập các chuyên đề được đưa vào sinh hoạt định kỳ ở chi bộ: ${n(meetings.cellsExpected)} chi bộ có ` +
        `${n(meetings.cellMonthsHeld)}/${n(meetings.cellMonthsExpected)} lượt sinh hoạt định kỳ`,
    );
    expect(inspections.inspections).toBeGreaterThan(0);
    expect(text).toContain(
      `Cấp ủy các cấp tổ chức ${n(inspections.inspections)} cuộc kiểm tra và ${n(inspections.supervisions)} cuộc giám sát`,
    );
    expect(text).toContain(
      `đưa ra ${n(inspections.recommendations)} kiến nghị, đến nay đã thực hiện ${n(inspections.done)} kiến nghị`,
    );
  });

  it('numbers reports per type within the term: next number after 12, a blank for a draft, 409 on a taken one', async () => {
    const draft = await review(system, false);
    expect((await readDocx(draft.docx)).paragraphs).toContain('Số      -BC/TU');
    const next = await review(system, true);
    expect(next.symbol).toBe('13-BC/TU');
    const error = await review(system, 12).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFLICT');
    expect((error as AppError).message).toContain('Số 12-BC/TU đã cấp ngày 20/08/2019');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['summary'])
      .where('action', '=', 'report.interim_review.issue')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('Cấp số 12-BC/TU'), expect.stringContaining('Cấp số 13-BC/TU')]),
    );
  });

  it('lets a viewer draft without a number, not issue one; a commune user cannot reach the province', async () => {
    const viewer = await demoActor('tinh.xem');
    const draft = await review(viewer, false);
    expect(draft.commendationText).toBe(ARTICLE);
    await expect(review(viewer, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const commune = await demoActor('xa.quanly');
    await expect(review(commune, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      buildInterimReview(t.database.db, system, {
        unit: '96',
        campaign: 'KHONG-CO',
        from: DEMO_PERIOD.from,
        to: DEMO_PERIOD.to,
        number: false,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: 'Không có chương trình, chỉ thị "KHONG-CO".' });
  });
});

describe('demo reports', () => {
  it('has the quarterly template with most communes on time, some late and the demo commune sent', async () => {
    const template = await t.database.db
      .selectFrom('report_template')
      .select('id')
      .where('code', '=', DEMO_TEMPLATE_CODE)
      .executeTakeFirstOrThrow();
    const review = await getReview(t.database.db, await demoActor('tinh.quanly'), {
      template: template.id,
      period: DEMO_QUARTER,
      unit: '96',
    });
    const c = review.completeness;
    expect(c.expected).toBe(64);
    expect(c.onTime).toBeGreaterThan(30);
    expect(c.late).toBeGreaterThan(5);
    expect(c.approved).toBeGreaterThan(25);
    expect(c.submitted + (c.expected - c.submitted)).toBe(64);
    expect(review.units.find((u) => u.unit.code === '32152')).toMatchObject({ status: 'approved', isLate: false });
    const chiBo = review.aggregate.find((i) => i.code === 'chi_bo')!;
    expect(chiBo.approvedCount).toBe(c.approved);
  });
});

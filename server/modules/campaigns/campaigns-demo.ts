import type { CampaignKind, CampaignRelation } from '../../../common/campaigns';
import type { DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { resolveUnit } from '../org-units/org-units.service';
import { linkCampaigns } from './campaigns-links';
import { createCampaign } from './campaigns.service';
import { createTheme } from './study-themes.service';

export interface DemoCampaignContext {
  centralId: string;
  newProvinceId: string;
  /** Tỉnh ủy Cà Mau before the 2025 merger; found by code 96 on 2016-06-01 when not given. */
  oldCaMauId?: string;
}

interface DemoCampaign {
  code: string;
  kind: CampaignKind;
  title: string;
  issuingBody: string;
  issuedOn: string;
  summary: string;
  scope: 'central' | 'oldCaMau';
}

const HCM = 'tư tưởng, đạo đức, phong cách Hồ Chí Minh';

/** DOMAIN-NOTES §1; the Cà Mau plan's number is illustrative, as its summary says. */
const CAMPAIGNS: DemoCampaign[] = [
  {
    code: '03-CT/TW',
    kind: 'directive',
    title:
      'Chỉ thị số 03-CT/TW của Bộ Chính trị về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
    issuingBody: 'Bộ Chính trị',
    issuedOn: '2011-05-14',
    summary: 'Kế tục Chỉ thị 06-CT/TW (2006); được Chỉ thị 05-CT/TW tiếp tục và mở rộng từ năm 2016.',
    scope: 'central',
  },
  {
    code: '05-CT/TW',
    kind: 'directive',
    title: `Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo ${HCM}`,
    issuingBody: 'Bộ Chính trị',
    issuedOn: '2016-05-15',
    summary:
      'Mở rộng từ "tấm gương đạo đức" sang "tư tưởng, đạo đức, phong cách"; học tập chuyên đề hằng năm, đưa nội dung ' +
      'vào sinh hoạt chi bộ, xây dựng chuẩn mực đạo đức, nêu gương, phát hiện và nhân rộng điển hình; gắn với Nghị ' +
      'quyết Trung ương 4 khóa XII.',
    scope: 'central',
  },
  {
    code: '04-NQ/TW',
    kind: 'resolution',
    title:
      'Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về tăng cường xây dựng, chỉnh đốn Đảng; ' +
      'ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện "tự diễn biến", ' +
      '"tự chuyển hóa" trong nội bộ',
    issuingBody: 'Ban Chấp hành Trung ương',
    issuedOn: '2016-10-30',
    summary: 'Nghị quyết Trung ương 4 khóa XII, thực hiện gắn với Chỉ thị 05-CT/TW.',
    scope: 'central',
  },
  {
    code: '01-KL/TW',
    kind: 'conclusion',
    title: `Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo ${HCM}`,
    issuingBody: 'Bộ Chính trị',
    issuedOn: '2021-05-18',
    summary: 'Tiếp tục Chỉ thị 05-CT/TW trong nhiệm kỳ khóa XIII với một chuyên đề toàn khóa.',
    scope: 'central',
  },
  {
    code: '07-KH/TU',
    kind: 'plan',
    title: `Kế hoạch của Tỉnh ủy Cà Mau thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo ${HCM}`,
    issuingBody: 'Tỉnh ủy Cà Mau',
    issuedOn: '2016-06-01',
    summary: 'Dữ liệu minh họa: số hiệu và ngày ban hành của kế hoạch là giả định.',
    scope: 'oldCaMau',
  },
];

const LINKS: { from: string; to: string; relation: CampaignRelation }[] = [
  { from: '05-CT/TW', to: '03-CT/TW', relation: 'continues' },
  { from: '01-KL/TW', to: '05-CT/TW', relation: 'continues' },
  { from: '05-CT/TW', to: '04-NQ/TW', relation: 'implemented_with' },
  { from: '07-KH/TU', to: '05-CT/TW', relation: 'implements' },
];

const UNCHECKED = 'Tên chuyên đề chưa được đối chiếu với văn bản gốc.';

const THEMES: {
  campaign: string;
  code: string;
  title: string;
  start: string;
  end: string;
  scope: 'central' | 'oldCaMau';
  description?: string;
}[] = [
  {
    campaign: '05-CT/TW',
    code: '05-CT/TW-2016',
    title: `Những nội dung cơ bản của ${HCM}`,
    start: '2016-05-15',
    end: '2016-12-31',
    scope: 'central',
    description: UNCHECKED,
  },
  {
    campaign: '05-CT/TW',
    code: '05-CT/TW-2017',
    title: `Học tập và làm theo ${HCM} về phòng, chống suy thoái tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" trong nội bộ`,
    start: '2017-01-01',
    end: '2017-12-31',
    scope: 'central',
  },
  {
    campaign: '05-CT/TW',
    code: '05-CT/TW-2018',
    title: `Xây dựng phong cách, tác phong công tác của người đứng đầu, của cán bộ, đảng viên trong học tập và làm theo ${HCM}`,
    start: '2018-01-01',
    end: '2018-12-31',
    scope: 'central',
  },
  {
    campaign: '05-CT/TW',
    code: '05-CT/TW-2019',
    title: `Xây dựng ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân theo ${HCM}`,
    start: '2019-01-01',
    end: '2019-12-31',
    scope: 'central',
  },
  {
    campaign: '05-CT/TW',
    code: '05-CT/TW-2020',
    title: `Tăng cường khối đại đoàn kết toàn dân tộc, xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh theo ${HCM}`,
    start: '2020-01-01',
    end: '2020-12-31',
    scope: 'central',
    description: UNCHECKED,
  },
  {
    campaign: '01-KL/TW',
    code: '01-KL/TW-2021-2025',
    title: `Học tập và làm theo ${HCM} về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc`,
    start: '2021-01-01',
    end: '2025-12-31',
    scope: 'central',
    description: 'Chuyên đề toàn khóa XIII (Hướng dẫn số 16-HD/BTGTW ngày 27/7/2021), cũng là chuyên đề năm 2021.',
  },
  {
    campaign: '01-KL/TW',
    code: '01-KL/TW-96-2022',
    title: `Học tập và làm theo ${HCM} về xây dựng đội ngũ cán bộ, đảng viên thật sự tiên phong, gương mẫu, phát huy ý chí tự lực, tự cường, xây dựng Cà Mau phát triển nhanh, bền vững`,
    start: '2022-01-01',
    end: '2022-12-31',
    scope: 'oldCaMau',
    description: 'Chuyên đề năm 2022 của Tỉnh ủy Cà Mau, cụ thể hóa chuyên đề toàn khóa. Dữ liệu minh họa.',
  },
];

/**
 * The campaigns and study themes of DOMAIN-NOTES §1: CT 03 (2011), CT 05 (2016) continuing it, NQ TW4 khóa XII carried
 * out with it, KL 01 (2021) continuing it, a Cà Mau plan implementing it; the national themes of 2016–2020 and of the
 * 2021–2025 term, and a Cà Mau sub-theme for 2022. The same records on every start. Returns code → id (campaigns and
 * themes) so other demo data can be tagged.
 */
export async function loadDemoCampaigns(trx: DbOrTrx, demo: DemoCampaignContext): Promise<Map<string, string>> {
  const actor = systemActor('demo');
  const oldCaMauId = demo.oldCaMauId ?? (await resolveUnit(trx, '96', '2016-06-01'))?.id;
  if (!oldCaMauId) {
    throw new Error('demo: Tỉnh ủy Cà Mau (96) valid on 2016-06-01 is missing');
  }
  const scopes = { central: demo.centralId, oldCaMau: oldCaMauId };
  const ids = new Map<string, string>();
  for (const campaign of CAMPAIGNS) {
    const { scope, ...fields } = campaign;
    const created = await createCampaign(trx, actor, { ...fields, scopeUnitId: scopes[scope] });
    ids.set(campaign.code, created.id);
  }
  for (const link of LINKS) {
    await linkCampaigns(trx, actor, ids.get(link.from)!, {
      relatedCampaignId: ids.get(link.to)!,
      relation: link.relation,
    });
  }
  for (const theme of THEMES) {
    const created = await createTheme(trx, actor, {
      campaignId: ids.get(theme.campaign)!,
      code: theme.code,
      title: theme.title,
      description: theme.description ?? null,
      periodStart: theme.start,
      periodEnd: theme.end,
      scopeUnitId: scopes[theme.scope],
    });
    ids.set(theme.code, created.id);
  }
  return ids;
}

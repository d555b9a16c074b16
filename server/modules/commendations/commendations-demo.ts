import crypto from 'node:crypto';
import type { CommendationLevel, RecipientType } from '../../../common/commendations';
import { foldVietnamese } from '../../../common/text';
import type { DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { findCampaignByCode } from '../campaigns/campaigns.service';
import { SeededRandom, vietnameseName } from '../demo/random';
import { resolveUnit } from '../org-units/org-units.service';
import { decisionSearchKey } from './commendations-rules';
import * as unitsRepo from './commendations-units.repository';
import * as repo from './commendations.repository';

/** What the demo receives from the demo organisation. */
export interface DemoCommendationsContext {
  centralId: string;
  newProvinceId: string;
  newCommuneIds: Map<string, string>;
}

/** The article's figures for Tỉnh ủy Cà Mau over the interim-review period; the demo reproduces them exactly. */
export const DEMO_PERIOD = { from: '2016-05-15', to: '2019-08-20' };
export const DEMO_FIGURES: Partial<Record<CommendationLevel, Record<RecipientType, number>>> = {
  district: { collective: 281, individual: 410 },
  province: { collective: 46, individual: 56 },
  central: { collective: 2, individual: 2 },
};

const POSITIONS: Record<string, string[]> = {
  cell: [
    'Bí thư chi bộ',
    'Phó Bí thư chi bộ',
    'Đảng viên',
    'Trưởng ấp',
    'Chi hội trưởng Hội Nông dân',
    'Chi hội trưởng Hội Phụ nữ',
  ],
  commune: [
    'Bí thư Đảng ủy',
    'Phó Bí thư Đảng ủy',
    'Chủ tịch Ủy ban Mặt trận Tổ quốc xã',
    'Bí thư Đoàn xã',
    'Cán bộ Văn phòng Đảng ủy',
  ],
  district: ['Phó Bí thư Huyện ủy', 'Trưởng Ban Tuyên giáo', 'Chuyên viên Ban Tuyên giáo', 'Phó Trưởng Ban Dân vận'],
};
const CT05 = '05-CT/TW';
const STUDY = 'trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';

interface Occasion {
  date: string;
  reason: string;
}

type Counts = Record<RecipientType, number>;

/** Splits `total` into `parts` whole shares that add up exactly (the remainder goes to the first shares). */
function split(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

class DemoCommendations {
  readonly decisions: (repo.DecisionWrite & { id: string; created_by: null })[] = [];
  readonly recipients: repo.RecipientWrite[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(
    private readonly random: SeededRandom,
    private readonly campaignId: string | null,
  ) {}

  /** The next number in the issuer's series: Party documents are numbered per type and issuing body. */
  private nextNumber(issuer: string, start: number): number {
    const n = (this.numbers.get(issuer) ?? start) + this.random.int(3, 40);
    this.numbers.set(issuer, n);
    return n;
  }

  add(spec: {
    issuer: { name: string; unitId: string | null; symbol: string };
    ownerId: string;
    level: CommendationLevel;
    form: string;
    occasion: Occasion;
    collectives: unitsRepo.TreeUnit[];
    individuals: unitsRepo.TreeUnit[];
    nameOf: (unit: unitsRepo.TreeUnit) => string;
  }): void {
    const id = crypto.randomUUID();
    const number = `${this.nextNumber(spec.issuer.name, spec.level === 'central' ? 1200 : 90)}-QĐ/${spec.issuer.symbol}`;
    const year = Number(spec.occasion.date.slice(0, 4));
    this.decisions.push({
      id,
      number,
      decision_date: spec.occasion.date,
      system: 'party',
      issuer_name: spec.issuer.name,
      issuer_unit_id: spec.issuer.unitId,
      unit_id: spec.ownerId,
      level: spec.level,
      form: spec.form,
      type: this.campaignId ? 'thematic' : 'periodic',
      campaign_id: this.campaignId,
      achievement_from: `${year - 1}-05-15`,
      achievement_to: `${year}-05-14`,
      signer: vietnameseName(this.random),
      search_key: decisionSearchKey(number, spec.issuer.name),
      created_by: null,
    });
    const common = {
      decision_id: id,
      decision_date: spec.occasion.date,
      level: spec.level,
      campaign_id: this.campaignId,
    };
    let order = 0;
    for (const unit of spec.collectives) {
      const name = spec.nameOf(unit);
      this.recipients.push({
        ...common,
        recipient_type: 'collective',
        name,
        unit_id: unit.id,
        position: null,
        reason: `Đã có thành tích xuất sắc ${spec.occasion.reason}`,
        search_key: foldVietnamese(name),
        sort_order: order++,
      });
    }
    for (const unit of spec.individuals) {
      const name = vietnameseName(this.random);
      this.recipients.push({
        ...common,
        recipient_type: 'individual',
        name,
        unit_id: unit.id,
        position: this.random.pick(POSITIONS[unit.kind] ?? POSITIONS.cell),
        reason: `Đã có thành tích tiêu biểu ${spec.occasion.reason}`,
        search_key: foldVietnamese(name),
        sort_order: order++,
      });
    }
  }
}

/** `count` distinct units where possible (a collective is commended once per decision). */
function pickUnits(random: SeededRandom, pool: unitsRepo.TreeUnit[], count: number): unitsRepo.TreeUnit[] {
  const shuffled = [...pool];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return Array.from({ length: count }, (_, i) => shuffled[i % shuffled.length]);
}

/** A province's units on a day, with the districts and the units below each. */
async function provinceTree(trx: DbOrTrx, code: string, day: string) {
  const province = await resolveUnit(trx, code, day);
  if (!province) {
    throw new Error(`demo: no unit ${code} on ${day}`);
  }
  const units = await unitsRepo.listSubtreeAt(trx, province.id, day);
  const byParent = new Map<string, unitsRepo.TreeUnit[]>();
  units.forEach((u) => u.parent_id && byParent.set(u.parent_id, [...(byParent.get(u.parent_id) ?? []), u]));
  const districts = (byParent.get(province.id) ?? []).filter((u) => /^\d+$/.test(u.code));
  const below = (unit: unitsRepo.TreeUnit): unitsRepo.TreeUnit[] =>
    (byParent.get(unit.id) ?? []).flatMap((child) => [child, ...below(child)]);
  return { province: { id: province.id, name: province.name }, districts, below, all: units };
}

const collectiveName = (units: unitsRepo.TreeUnit[]) => (unit: unitsRepo.TreeUnit) => {
  const parent = units.find((u) => u.id === unit.parent_id);
  const organisation = unit.name.replace(/^Đảng ủy/, 'Đảng bộ');
  return unit.kind === 'cell' && parent
    ? `${organisation} (${parent.name.replace(/^Đảng ủy/, 'Đảng bộ')})`
    : organisation;
};

function occasions(random: SeededRandom, years: number[], months: [number, number]): Occasion[] {
  return years.map((year) => {
    const month = String(random.int(months[0], months[1])).padStart(2, '0');
    const day = String(random.int(1, 28)).padStart(2, '0');
    return { date: `${year}-${month}-${day}`, reason: `${STUDY} năm ${year}` };
  });
}

/** District decisions: each Huyện ủy/Thành ủy commends communes and cells of its own district. */
function districtLevel(
  demo: DemoCommendations,
  random: SeededRandom,
  tree: Awaited<ReturnType<typeof provinceTree>>,
  counts: Counts,
  years: number[],
) {
  const committees = tree.districts.filter((d) => d.kind === 'district');
  const collectives = split(counts.collective, committees.length);
  const individuals = split(counts.individual, committees.length);
  committees.forEach((district, i) => {
    const pool = tree.below(district).filter((u) => u.kind === 'commune' || u.kind === 'cell');
    const dates = occasions(random, years, [4, 7]);
    const c = split(collectives[i], dates.length);
    const p = split(individuals[i], dates.length);
    dates.forEach((occasion, k) => {
      demo.add({
        issuer: {
          name: district.name,
          unitId: district.id,
          symbol: district.name.startsWith('Thành ủy') ? 'TU' : 'HU',
        },
        ownerId: district.id,
        level: 'district',
        form: 'GIAY_KHEN',
        occasion,
        collectives: pickUnits(random, pool, c[k]),
        individuals: pickUnits(random, pool, p[k]),
        nameOf: collectiveName(tree.all),
      });
    });
  });
}

/** Province decisions (Bằng khen of the Tỉnh ủy) over the whole province, several a period. */
function provinceLevel(
  demo: DemoCommendations,
  random: SeededRandom,
  tree: Awaited<ReturnType<typeof provinceTree>>,
  counts: Counts,
  dates: Occasion[],
) {
  const pool = tree.all.filter((u) => u.kind !== 'province');
  const c = split(counts.collective, dates.length);
  const p = split(counts.individual, dates.length);
  dates.forEach((occasion, k) =>
    demo.add({
      issuer: { name: tree.province.name, unitId: tree.province.id, symbol: 'TU' },
      ownerId: tree.province.id,
      level: 'province',
      form: 'BANG_KHEN',
      occasion,
      collectives: pickUnits(
        random,
        pool.filter((u) => u.kind !== 'cell' || random.chance(0.3)),
        c[k],
      ),
      individuals: pickUnits(random, pool, p[k]),
      nameOf: collectiveName(tree.all),
    }),
  );
}

/**
 * Commendation decisions for the demo, the same on every start: for old Tỉnh ủy Cà Mau between 2016-05-15 and
 * 2019-08-20 exactly the article's figures (district level 281 collectives and 410 individuals, province 46 and 56,
 * central 02 and 02); more for Bạc Liêu, for Cà Mau in 2020–2024, and Giấy khen of the new communes after the 2025
 * merger. Thematic decisions serve Directive 05-CT/TW when the campaigns demo has created it.
 */
export async function loadDemoCommendations(
  trx: DbOrTrx,
  ctx: DemoCommendationsContext,
): Promise<{ decisions: number; recipients: number }> {
  const random = new SeededRandom('lantoa-commendations-demo');
  const campaignId = (await findCampaignByCode(trx, CT05))?.id ?? null;
  const demo = new DemoCommendations(random, campaignId);
  const caMau = await provinceTree(trx, '96', DEMO_PERIOD.to);
  const bacLieu = await provinceTree(trx, '95', DEMO_PERIOD.to);
  const review = (date: string): Occasion => ({ date, reason: `qua 3 năm thực hiện Chỉ thị ${CT05} của Bộ Chính trị` });

  districtLevel(demo, random, caMau, DEMO_FIGURES.district!, [2017, 2018, 2019]);
  provinceLevel(demo, random, caMau, DEMO_FIGURES.province!, [
    { date: '2017-05-19', reason: `${STUDY} năm 2017` },
    { date: '2018-05-18', reason: `${STUDY} năm 2018` },
    review('2019-05-17'),
    review('2019-08-15'),
  ]);
  const central = { name: 'Ban Tuyên giáo Trung ương', unitId: null, symbol: 'BTGTW' };
  for (const occasion of [{ date: '2018-08-10', reason: `${STUDY} năm 2018` }, review('2019-08-12')]) {
    demo.add({
      issuer: central,
      ownerId: caMau.province.id,
      level: 'central',
      form: 'BANG_KHEN',
      occasion,
      collectives: pickUnits(
        random,
        caMau.all.filter((u) => u.kind === 'commune'),
        1,
      ),
      individuals: pickUnits(
        random,
        caMau.all.filter((u) => u.kind === 'district' || u.kind === 'commune'),
        1,
      ),
      nameOf: collectiveName(caMau.all),
    });
  }

  districtLevel(demo, random, bacLieu, { collective: 140, individual: 190 }, [2017, 2019]);
  provinceLevel(demo, random, bacLieu, { collective: 24, individual: 31 }, [review('2019-06-14')]);
  districtLevel(demo, random, caMau, { collective: 95, individual: 130 }, [2020, 2022, 2024]);
  provinceLevel(demo, random, caMau, { collective: 18, individual: 24 }, occasions(random, [2021, 2023], [5, 5]));

  const today = await provinceTree(trx, '96', '2025-12-01');
  const communes = today.all.filter((u) => u.kind === 'commune');
  const chosen = [...communes.filter((c) => c.code === '32152'), ...pickUnits(random, communes, 11)];
  for (const commune of new Set(chosen)) {
    const pool = today.below(commune).filter((u) => u.kind === 'cell');
    demo.add({
      issuer: { name: commune.name, unitId: commune.id, symbol: 'ĐU' },
      ownerId: commune.id,
      level: 'commune',
      form: 'GIAY_KHEN',
      occasion: occasions(random, [2025], [9, 12])[0],
      collectives: pickUnits(random, pool, random.int(2, 4)),
      individuals: pickUnits(random, [commune, ...pool], random.int(4, 8)),
      nameOf: collectiveName(today.all),
    });
  }

  await repo.insertDecisions(trx, demo.decisions);
  await repo.insertRecipients(trx, demo.recipients);
  await recordAudit(trx, systemActor('demo'), {
    action: 'commendation.demo',
    entityType: 'commendation_decision',
    unitId: ctx.newProvinceId,
    summary: `Nạp dữ liệu mẫu: ${demo.decisions.length} quyết định khen thưởng, ${demo.recipients.length} người, tập thể`,
  });
  return { decisions: demo.decisions.length, recipients: demo.recipients.length };
}

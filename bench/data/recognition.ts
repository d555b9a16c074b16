/**
 * Commendation decisions with their recipients and exemplary models over the national tree, written with COPY.
 * Each record points at the unit as it was on its date (an old cell before 1 July 2025, a new one after), like the
 * records the application writes.
 */
import { foldVietnamese } from '../../common/text';
import { NEW_FROM } from '../../server/modules/demo/demo-organisation';
import { SeededRandom, vietnameseName } from '../../server/modules/demo/random';
import { seededUuid, type BenchContext } from './context';
import { ancestorOf, cellsOn, type BenchUnit } from './national-tree';

const FIRST_DAY = '2016-01-01';

const POSITIONS = ['Bí thư chi bộ', 'Phó Bí thư chi bộ', 'Đảng viên', 'Trưởng ấp', 'Chi hội trưởng Hội Nông dân'];
const FORMS: Record<string, string[]> = {
  central: ['BANG_KHEN', 'HUAN_CHUONG'],
  province: ['BANG_KHEN', 'CO_THI_DUA'],
  district: ['GIAY_KHEN'],
  commune: ['GIAY_KHEN'],
};
const ISSUER_SHORT: Record<string, string> = { central: 'TW', province: 'TU', district: 'HU', commune: 'ĐU' };

/**
 * About `ctx.scale × 200,000` recipients in decisions of 5 to 15 names: by district committees before 1 July 2025,
 * by commune committees after it, by the province throughout, and a few central ones; 70% tagged with Directive 05.
 */
export async function generateCommendations(ctx: BenchContext): Promise<{ decisions: number; recipients: number }> {
  const random = new SeededRandom(`${ctx.seed}:commendations`);
  const uuid = () => seededUuid(random);
  const target = Math.round(200_000 * ctx.scale);
  const decisions: (string | number | null)[][] = [];
  const recipients: (string | number | null)[][] = [];
  let number = 0;
  ctx.progress.update(0, target);
  while (recipients.length < target) {
    const date = random.date(FIRST_DAY, ctx.today);
    const cells = cellsOn(ctx.tree, date);
    const anchor = random.pick(cells);
    const roll = random.next();
    const level = roll < 0.03 ? 'central' : roll < 0.2 ? 'province' : date < NEW_FROM && roll < 0.75 ? 'district' : 'commune';
    const province = ancestorOf(ctx.tree, anchor, 'province')!;
    const owner: BenchUnit =
      level === 'district'
        ? ancestorOf(ctx.tree, anchor, 'district')!
        : level === 'commune'
          ? ancestorOf(ctx.tree, anchor, 'commune')!
          : province;
    const pool = ctx.cellsUnder(owner, date);
    const campaignId = random.chance(0.7) ? ctx.campaignId : null;
    const id = uuid();
    number += 1;
    const numberText = `${number}-QĐ/${ISSUER_SHORT[level]}`;
    const issuer = level === 'central' ? 'Ban Tuyên giáo Trung ương' : owner.name;
    decisions.push([
      id,
      numberText,
      date,
      'party',
      issuer,
      level === 'central' ? null : owner.id,
      owner.id,
      level,
      random.pick(FORMS[level]),
      campaignId ? 'thematic' : 'periodic',
      campaignId,
      foldVietnamese(`${numberText} ${issuer}`),
    ]);
    const size = Math.min(random.int(5, 15), target - recipients.length);
    for (let i = 0; i < size; i++) {
      const unit = level === 'commune' || random.chance(0.8) ? random.pick(pool) : ancestorOf(ctx.tree, random.pick(pool), 'commune')!;
      const isCollective = unit.kind === 'cell' ? random.chance(0.35) : random.chance(0.7);
      const name = isCollective ? unit.name : vietnameseName(random);
      recipients.push([
        uuid(),
        id,
        isCollective ? 'collective' : 'individual',
        name,
        unit.id,
        isCollective ? null : random.pick(POSITIONS),
        'Có thành tích xuất sắc trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        foldVietnamese(name),
        date,
        level,
        campaignId,
        i,
      ]);
    }
    if (recipients.length % 5000 < size) {
      ctx.progress.update(recipients.length);
    }
  }
  await ctx.target.copy(
    'commendation_decision',
    ['id', 'number', 'decision_date', 'system', 'issuer_name', 'issuer_unit_id', 'unit_id', 'level', 'form', 'type',
      'campaign_id', 'search_key'],
    decisions,
  );
  await ctx.target.copy(
    'commendation_recipient',
    ['id', 'decision_id', 'recipient_type', 'name', 'unit_id', 'position', 'reason', 'search_key', 'decision_date',
      'level', 'campaign_id', 'sort_order'],
    recipients,
  );
  ctx.progress.update(recipients.length);
  return { decisions: decisions.length, recipients: recipients.length };
}

const MODEL_TITLES = [
  'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới',
  'Mô hình "Chi bộ 4 tốt"',
  'Cách làm hay trong sinh hoạt chuyên đề học tập và làm theo Bác',
  'Mô hình "Tuyến đường hoa, cây xanh tự quản"',
  'Mô hình "Tổ tự quản an ninh trật tự"',
  'Mô hình "Nhà nhân ái"',
  'Mô hình "Hũ gạo tình thương"',
  'Cách làm hay trong cải cách hành chính một cửa',
  'Mô hình "Sổ tay đảng viên điện tử"',
  'Mô hình "Ngày thứ bảy tình nguyện"',
];
const KINDS = ['collective_model', 'individual_example', 'good_practice', 'creative_approach'];

/** About `ctx.scale × 30,000` models: half proposed, a third recognised, the rest replicated or archived. */
export async function generateModels(ctx: BenchContext): Promise<{ models: number }> {
  const random = new SeededRandom(`${ctx.seed}:models`);
  const uuid = () => seededUuid(random);
  const target = Math.round(30_000 * ctx.scale);
  const fields = await ctx.target.query<{ id: string }>('select id from model_field order by sort_order');
  const models: (string | number | null)[][] = [];
  const links: string[][] = [];
  const changes: (string | null)[][] = [];
  for (let i = 0; i < target; i++) {
    const started = random.date(FIRST_DAY, ctx.today);
    const cell = random.pick(cellsOn(ctx.tree, started));
    const unit = random.chance(0.7) ? cell : ancestorOf(ctx.tree, cell, 'commune')!;
    const kind = random.pick(KINDS);
    const title = `${random.pick(MODEL_TITLES)} — ${unit.name}`;
    const people = kind === 'individual_example' ? JSON.stringify([{ name: vietnameseName(random), position: 'Đảng viên' }]) : '[]';
    const roll = random.next();
    const status = roll < 0.5 ? 'proposed' : roll < 0.83 ? 'recognised' : roll < 0.95 ? 'replicated' : 'archived';
    const isRecognised = status !== 'proposed';
    const recognisedOn = isRecognised ? random.date(started, ctx.today) : null;
    const recogniser = isRecognised ? ancestorOf(ctx.tree, unit, random.chance(0.7) ? 'commune' : 'province')! : null;
    const id = uuid();
    models.push([
      id,
      title,
      kind,
      unit.id,
      people,
      random.pick(fields).id,
      started,
      status,
      recogniser ? recogniser.kind : null,
      recognisedOn,
      recogniser ? recogniser.id : null,
      foldVietnamese(title),
    ]);
    if (random.chance(0.6)) {
      links.push([id, ctx.campaignId]);
    }
    changes.push([id, null, 'proposed', started]);
    if (recognisedOn) {
      changes.push([id, 'proposed', status, recognisedOn]);
    }
  }
  await ctx.target.copy(
    'model',
    ['id', 'title', 'kind', 'unit_id', 'people', 'field_id', 'started_on', 'status', 'recognised_level',
      'recognised_on', 'recognised_unit_id', 'search_key'],
    models,
  );
  await ctx.target.copy('model_campaign', ['model_id', 'campaign_id'], links);
  await ctx.target.copy('model_status_change', ['model_id', 'from_status', 'to_status', 'effective_on'], changes);
  return { models: models.length };
}

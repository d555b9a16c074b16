import crypto from 'node:crypto';
import { addDays } from '../../../common/dates';
import type { ModelStatus, RecognitionLevel } from '../../../common/models';
import type { DbOrTrx } from '../../db/connection';
import { systemActor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { findCampaignIdsByCodes } from '../campaigns/campaigns-lookup';
import { SeededRandom, vietnameseName } from '../demo/random';
import { resolveUnit } from '../org-units/org-units.service';
import { UnitTree, type Place } from './models-demo-units';
import { ARCHIVE_REASONS, DESCRIPTIONS, FIELD_WEIGHTS, INDICATORS, RESULTS, TITLES } from './models-demo-parts';
import * as links from './models-links.repository';
import * as repo from './models.repository';
import { listModelFields } from './model-fields.service';
import { modelSearchKey } from './models.service';

/** What the demo loader hands over (server/modules/demo/demo.service.ts). */
export interface DemoModelsContext {
  centralId: string;
  newProvinceId: string;
  /** Commune committees valid from 2025-07-01, by code. */
  newCommuneIds: Map<string, string>;
}

const OLD_AT = '2020-01-01';
const OLD_END = '2025-06-30';
const NEW_AT = '2025-08-01';
const NEW_END = '2026-06-30';
/** The demo commune accounts work in Xã Đầm Dơi: give it a share of the new models. */
const DEMO_COMMUNE = '32152';

function weighted(random: SeededRandom): string {
  const total = FIELD_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random.int(1, total);
  for (const [code, weight] of FIELD_WEIGHTS) {
    pick -= weight;
    if (pick <= 0) {
      return code;
    }
  }
  return FIELD_WEIGHTS[0][0];
}

const min = (a: string, b: string) => (a < b ? a : b);
const at = (day: string) => `${day}T02:00:00Z`;
const LEVEL_WORD: Record<RecognitionLevel, string> = {
  central: 'Trung ương',
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
  grassroots: 'cơ sở',
};

/** A unit for one model: a commune or a cell most of the time, sometimes a district or a committee under the province. */
async function pickPlace(random: SeededRandom, tree: UnitTree, top: Place, isOld: boolean, favourite?: string) {
  const level1 = (await tree.below(top)).filter((unit) => unit.kind === (isOld ? 'district' : 'commune'));
  const preferred = level1.find((unit) => unit.id === favourite);
  // The committees directly under the province (military, police…) have few models beside the districts.
  const districts = level1.filter((unit) => unit.place !== '');
  const first = preferred && random.chance(0.3) ? preferred : random.pick(random.chance(0.1) ? level1 : districts);
  if (isOld && (first.place === '' || random.chance(0.08))) {
    return first;
  }
  const commune = isOld ? random.pick(await tree.below(first)) : first;
  const cells = (await tree.below(commune)).filter((unit) => unit.kind === 'cell');
  return cells.length > 0 && random.chance(0.55) ? random.pick(cells) : commune;
}

function pickStatus(random: SeededRandom, isOld: boolean): ModelStatus {
  const roll = random.next();
  const [proposed, recognised] = isOld ? [0.15, 0.5] : [0.5, 0.85];
  return roll < proposed ? 'proposed' : roll < recognised ? 'recognised' : 'replicated';
}

interface Batch {
  models: Parameters<typeof repo.insertModels>[1];
  replications: Parameters<typeof links.insertReplications>[1];
  changes: links.StatusChangeValues[];
  campaignLinks: { model_id: string; code: string }[];
  themeLinks: Map<string, string>;
}

/** One model with its believable history: proposed, then perhaps recognised, replicated, archived. */
async function addModel(
  batch: Batch,
  random: SeededRandom,
  unit: Place,
  options: { isOld: boolean; fields: Map<string, string>; n: number },
): Promise<void> {
  const end = options.isOld ? OLD_END : NEW_END;
  const field = weighted(random);
  const part = random.pick(TITLES[field]);
  const person = part.kind === 'individual_example' ? vietnameseName(random) : undefined;
  const title = part.title.replace('{name}', person ?? '').replace(' {place}', unit.place ? ` ${unit.place}` : '');
  const startedOn = options.isOld ? random.date('2016-06-01', '2024-06-30') : random.date('2025-07-15', '2026-03-31');
  const id = crypto.randomUUID();
  const people = person ? [{ name: person, position: part.position ?? null }] : [];
  const description = random.pick(DESCRIPTIONS);
  const step = (from: ModelStatus | null, to: ModelStatus, day: string, note: string) =>
    batch.changes.push({
      model_id: id,
      from_status: from,
      to_status: to,
      effective_on: day,
      at: at(day),
      user_id: null,
      note,
    });

  const proposedOn = min(addDays(startedOn, random.int(20, 120)), end);
  step(null, 'proposed', proposedOn, 'Đăng ký mô hình');
  let status = pickStatus(random, options.isOld);
  let last = proposedOn;
  const recognisedOn = addDays(proposedOn, random.int(60, 400));
  const levels: RecognitionLevel[] = options.isOld
    ? ['district', 'district', 'province', 'commune']
    : ['commune', 'province'];
  const level = random.pick(levels.filter((l) => unit.committees[l]));
  if (status !== 'proposed' && recognisedOn > addDays(end, -45)) {
    status = 'proposed';
  }
  if (status !== 'proposed') {
    step('proposed', 'recognised', recognisedOn, `Công nhận cấp ${LEVEL_WORD[level]}`);
    last = recognisedOn;
  }
  if (status === 'replicated') {
    const candidates = await unit.siblings();
    const taken = new Set<string>();
    for (let r = random.int(1, 5); r > 0 && candidates.length > 0; r--) {
      const other = random.pick(candidates);
      if (!taken.has(other.id)) {
        taken.add(other.id);
        const day = min(addDays(recognisedOn, random.int(30, 500)), end);
        const note = random.chance(0.3) ? 'Học tập kinh nghiệm, vận dụng phù hợp điều kiện đơn vị' : null;
        batch.replications.push({ model_id: id, unit_id: other.id, started_on: day, note, created_by: null });
        last = last > day ? last : day;
      }
    }
    const days = batch.replications
      .filter((r) => r.model_id === id)
      .map((r) => r.started_on)
      .sort();
    if (days.length === 0) {
      status = 'recognised';
    } else {
      step('recognised', 'replicated', days[0], 'Bắt đầu nhân rộng');
    }
  }
  if (options.isOld && random.chance(0.1)) {
    step(status, 'archived', min(addDays(last, random.int(90, 700)), NEW_END), random.pick(ARCHIVE_REASONS));
    status = 'archived';
  }
  const isRecognised =
    status !== 'proposed' && batch.changes.some((c) => c.model_id === id && c.to_status === 'recognised');
  batch.models.push({
    id,
    title,
    kind: part.kind,
    unit_id: unit.id,
    people,
    field_id: options.fields.get(field)!,
    theme_id: null,
    started_on: startedOn,
    description,
    results: random.chance(0.8) ? random.pick(RESULTS) : null,
    indicators: random.chance(0.6) ? (INDICATORS[field]?.(options.n) ?? []) : [],
    search_key: modelSearchKey(title, people, description),
    status,
    recognised_level: isRecognised ? level : null,
    recognised_on: isRecognised ? recognisedOn : null,
    recognised_unit_id: isRecognised ? (unit.committees[level] ?? null) : null,
    created_by: null,
  });
  const year = Number(startedOn.slice(0, 4));
  batch.campaignLinks.push({ model_id: id, code: startedOn < '2021-05-18' ? '05-CT/TW' : '01-KL/TW' });
  if (field === 'party_building') {
    batch.campaignLinks.push({ model_id: id, code: '04-NQ/TW' });
  }
  if (random.chance(0.65)) {
    const theme =
      year <= 2020 ? `05-CT/TW-${year}` : year === 2022 && options.isOld ? '01-KL/TW-96-2022' : '01-KL/TW-2021-2025';
    batch.themeLinks.set(id, theme);
  }
}

/**
 * Builds the demo models in memory: ~300 models under the old Cà Mau and Bạc Liêu units (2016–2024) and the new
 * communes (from 7/2025, a share in Xã Đầm Dơi where the demo commune accounts work), in every status, with
 * believable timelines and replications. Deterministic: the same records on every start.
 */
export async function buildDemoModels(trx: DbOrTrx, demo: DemoModelsContext): Promise<Batch> {
  const random = new SeededRandom('lantoa-models-demo');
  const fields = new Map((await listModelFields(trx)).map((field) => [field.code, field.id]));
  const batch: Batch = { models: [], replications: [], changes: [], campaignLinks: [], themeLinks: new Map() };
  const topPlace = (id: string): Place => ({
    id,
    kind: 'province',
    place: '',
    committees: { province: id },
    siblings: async () => [],
  });
  let n = 0;
  for (const [code, count] of [
    ['96', 150],
    ['95', 105],
  ] as const) {
    const province = await resolveUnit(trx, code, OLD_AT);
    if (!province) {
      continue;
    }
    const tree = new UnitTree(trx, OLD_AT);
    for (let i = 0; i < count; i++, n++) {
      const unit = await pickPlace(random, tree, topPlace(province.id), true);
      await addModel(batch, random, unit, { isOld: true, fields, n });
    }
  }
  const tree = new UnitTree(trx, NEW_AT);
  for (let i = 0; i < 45; i++, n++) {
    const unit = await pickPlace(
      random,
      tree,
      topPlace(demo.newProvinceId),
      false,
      demo.newCommuneIds.get(DEMO_COMMUNE),
    );
    await addModel(batch, random, unit, { isOld: false, fields, n });
  }
  return batch;
}

/**
 * Loads the demo models, good practices and individual examples with their campaigns, themes, replicating units and
 * timelines, in the caller's transaction. Campaigns and themes are tagged when the campaigns demo is loaded.
 */
export async function loadDemoModels(
  trx: DbOrTrx,
  demo: DemoModelsContext,
): Promise<{ models: number; replications: number }> {
  const built = await buildDemoModels(trx, demo);
  const codes = [...new Set(built.campaignLinks.map((link) => link.code))];
  const campaignIds = await findCampaignIdsByCodes(trx, codes);
  const themeIds = await links.findThemeIdsByCodes(trx, [...new Set(built.themeLinks.values())]);
  await repo.insertModels(
    trx,
    built.models.map((model) => ({ ...model, theme_id: themeIds.get(built.themeLinks.get(model.id) ?? '') ?? null })),
  );
  await links.insertModelCampaigns(
    trx,
    built.campaignLinks.flatMap((link) => {
      const campaignId = campaignIds.get(link.code);
      return campaignId ? [{ model_id: link.model_id, campaign_id: campaignId }] : [];
    }),
  );
  await links.insertReplications(trx, built.replications);
  await links.insertStatusChanges(trx, built.changes);
  await recordAudit(trx, systemActor('demo'), {
    action: 'model.demo',
    entityType: 'model',
    unitId: demo.newProvinceId,
    summary: `Nạp ${built.models.length} mô hình mẫu, ${built.replications.length} lượt nhân rộng`,
  });
  return { models: built.models.length, replications: built.replications.length };
}

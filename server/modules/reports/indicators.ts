import {
  COMMENDATION_LEVELS,
  RECIPIENT_TYPES,
  type CommendationLevel,
  type RecipientType,
} from '../../../common/commendations';
import type { DbOrTrx } from '../../db/connection';
import type { Actor } from '../../platform/access';
import { countCommendations } from '../commendations/commendations-stats';
import type { CommendationCounts } from '../commendations/commendations.schemas';
import { countModels } from '../models/models-stats';
import type { ModelStats } from '../models/models.schemas';

// The catalogue of indicators a report template can fill from the records. Each entry reads one figure from a
// source; a source is one call into another module's statistics function (commendations, models, and — as they land
// — meetings, themes, inspections), so filling a template costs one query per source, whatever the indicators.

export type IndicatorValueType = 'integer' | 'percent' | 'text';
export type RollUp = 'sum' | 'weighted_average' | 'none';

export interface FigureContext {
  unitId: string;
  /** The unit's code, for the functions that resolve a unit by code or id. */
  unitCode: string;
  from: string;
  to: string;
  campaignId: string | null;
}

export interface SourceResults {
  commendations?: CommendationCounts;
  models?: ModelStats;
}

type SourceKey = keyof SourceResults;

const SOURCES: { [K in SourceKey]-?: (db: DbOrTrx, actor: Actor, ctx: FigureContext) => Promise<SourceResults[K]> } = {
  commendations: async (db, actor, ctx) =>
    (
      await countCommendations(db, actor, {
        unitId: ctx.unitId,
        from: ctx.from,
        to: ctx.to,
        campaignId: ctx.campaignId,
      })
    ).counts,
  models: (db, actor, ctx) =>
    countModels(db, actor, {
      unit: ctx.unitId,
      from: ctx.from,
      to: ctx.to,
      campaign: ctx.campaignId ?? undefined,
    }),
};

export interface CatalogueEntry {
  code: string;
  label: string;
  unitLabel: string;
  valueType: IndicatorValueType;
  rollUp: RollUp;
  source: SourceKey;
  read(results: SourceResults): number | null;
}

export const LEVEL_PHRASES: Record<CommendationLevel, string> = {
  grassroots: 'cấp cơ sở',
  commune: 'cấp xã',
  district: 'cấp huyện, thành phố',
  province: 'cấp tỉnh',
  central: 'cấp Trung ương',
};
const TYPE_WORDS: Record<RecipientType, string> = { collective: 'tập thể', individual: 'cá nhân' };

const commendationEntries: CatalogueEntry[] = [
  ...COMMENDATION_LEVELS.flatMap((level) =>
    RECIPIENT_TYPES.map((type): CatalogueEntry => ({
      code: `commendations.${level}.${type}`,
      label: `Khen thưởng ${LEVEL_PHRASES[level]}: ${TYPE_WORDS[type]}`,
      unitLabel: TYPE_WORDS[type],
      valueType: 'integer',
      rollUp: 'sum',
      source: 'commendations',
      read: (r) => r.commendations?.byLevel[level][type] ?? null,
    })),
  ),
  ...RECIPIENT_TYPES.map((type): CatalogueEntry => ({
    code: `commendations.${type}`,
    label: `Khen thưởng các cấp: ${TYPE_WORDS[type]}`,
    unitLabel: TYPE_WORDS[type],
    valueType: 'integer',
    rollUp: 'sum',
    source: 'commendations',
    read: (r) => r.commendations?.[type] ?? null,
  })),
];

const modelEntries: CatalogueEntry[] = [
  { code: 'models.total', label: 'Mô hình, cách làm hay đăng ký xây dựng', status: null },
  { code: 'models.recognised', label: 'Mô hình được công nhận (chưa nhân rộng)', status: 'recognised' as const },
  { code: 'models.replicated', label: 'Mô hình được nhân rộng', status: 'replicated' as const },
  { code: 'models.proposed', label: 'Mô hình đang đề xuất', status: 'proposed' as const },
].map(({ code, label, status }): CatalogueEntry => ({
  code,
  label,
  unitLabel: 'mô hình',
  valueType: 'integer',
  rollUp: 'sum',
  source: 'models',
  read: (r) => (r.models ? (status ? r.models.byStatus[status] : r.models.total) : null),
}));

export const INDICATOR_CATALOGUE: CatalogueEntry[] = [...commendationEntries, ...modelEntries];
const byCode = new Map(INDICATOR_CATALOGUE.map((entry) => [entry.code, entry]));

export function findCatalogueEntry(code: string): CatalogueEntry | undefined {
  return byCode.get(code);
}

/** Loads the sources the given catalogue codes need (each once), in the caller's scope. */
export async function loadSources(
  db: DbOrTrx,
  actor: Actor,
  ctx: FigureContext,
  codes: Iterable<string>,
): Promise<SourceResults> {
  const needed = new Set<SourceKey>();
  for (const code of codes) {
    const entry = byCode.get(code);
    if (entry) {
      needed.add(entry.source);
    }
  }
  const results: SourceResults = {};
  for (const key of needed) {
    // Sequential: PGlite is one connection, and each source is one or two queries.
    (results as Record<SourceKey, unknown>)[key] = await SOURCES[key](db, actor, ctx);
  }
  return results;
}

/** The figures of the given catalogue codes for one unit and period. */
export async function computeFigures(
  db: DbOrTrx,
  actor: Actor,
  ctx: FigureContext,
  codes: string[],
): Promise<{ values: Map<string, number | null>; results: SourceResults }> {
  const results = await loadSources(db, actor, ctx, codes);
  return { values: new Map(codes.map((code) => [code, byCode.get(code)?.read(results) ?? null])), results };
}

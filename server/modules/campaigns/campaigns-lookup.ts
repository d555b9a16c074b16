import type { CampaignKind } from '../../../common/campaigns';
import type { DbOrTrx } from '../../db/connection';
import { notFound } from '../../platform/errors';
import * as repo from './campaigns.repository';

export interface CampaignByCode {
  id: string;
  code: string;
  kind: CampaignKind;
  title: string;
  scopeUnitId: string;
}

/** The campaign bearing `code` (case ignored), or undefined. No access check: imports and the demo use it. */
export async function findCampaignByCode(db: DbOrTrx, code: string): Promise<CampaignByCode | undefined> {
  const [row] = await repo.findByCodes(db, [code.trim()]);
  return row
    ? { id: row.id, code: row.code, kind: row.kind as CampaignKind, title: row.title, scopeUnitId: row.scope_unit_id }
    : undefined;
}

/** The campaign bearing `code` (case ignored); NOT_FOUND otherwise. No access check. */
export async function getCampaignByCode(db: DbOrTrx, code: string): Promise<CampaignByCode> {
  const found = await findCampaignByCode(db, code);
  if (!found) {
    throw notFound(`Văn bản ${code}`);
  }
  return found;
}

/**
 * Ids of the campaigns bearing `codes` (case ignored), keyed by the code as given; codes with no campaign are
 * absent from the map. One query, no access check: imports resolve a column of codes with it.
 */
export async function findCampaignIdsByCodes(db: DbOrTrx, codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.map((code) => code.trim()).filter(Boolean))];
  const rows = await repo.findByCodes(db, wanted);
  const byUpper = new Map(rows.map((row) => [row.code.toUpperCase(), row.id]));
  const result = new Map<string, string>();
  for (const code of codes) {
    const id = byUpper.get(code.trim().toUpperCase());
    if (id) {
      result.set(code, id);
    }
  }
  return result;
}

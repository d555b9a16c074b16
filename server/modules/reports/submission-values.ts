import type { DbOrTrx } from '../../db/connection';
import type { StoredValue } from '../../db/tables/reports';
import type { Actor } from '../../platform/access';
import { computeFigures } from './indicators';
import type { LoadedTemplate } from './templates.service';

/** The computed indicators of a template for one unit and period, from the records as they are now. */
export async function computeValues(
  db: DbOrTrx,
  actor: Actor,
  template: LoadedTemplate,
  unit: { id: string; code: string },
  period: { from: string; to: string },
): Promise<Record<string, StoredValue>> {
  const computed = template.indicators.filter((i) => i.source === 'computed' && i.catalogueCode);
  const { values } = await computeFigures(
    db,
    actor,
    { unitId: unit.id, unitCode: unit.code, from: period.from, to: period.to, campaignId: template.row.campaign_id },
    computed.map((i) => i.catalogueCode!),
  );
  return Object.fromEntries(computed.map((i) => [i.code, { value: values.get(i.catalogueCode!) ?? null }]));
}

import { CAMPAIGN_KIND_LABELS } from '../../../common/campaigns';
import { formatDateVi } from '../../../common/dates';
import { enumDisplay, type FieldDisplay } from '../../platform/concurrency';
import type * as repo from './campaigns.repository';
import { CAMPAIGN_FIELD_LABELS } from './campaigns.schemas';
import type * as themes from './study-themes.repository';
import { THEME_FIELD_LABELS } from './study-themes.schemas';

// How a 409 on a campaign or a theme reads: the kind's label, the scope unit's name, dates as users write them.

const date = (label: string): FieldDisplay => ({ label, show: (value) => formatDateVi(String(value)) });

const scope = (label: string, row: { scope_unit_id: string; scope_code: string; scope_name: string }) => ({
  label,
  show: (value: unknown) => (value === row.scope_unit_id ? `${row.scope_name} (${row.scope_code})` : String(value)),
});

export function campaignDisplays(
  row: repo.CampaignRow,
): Record<keyof typeof CAMPAIGN_FIELD_LABELS, string | FieldDisplay> {
  return {
    ...CAMPAIGN_FIELD_LABELS,
    kind: enumDisplay(CAMPAIGN_FIELD_LABELS.kind, CAMPAIGN_KIND_LABELS),
    issuedOn: date(CAMPAIGN_FIELD_LABELS.issuedOn),
    scopeUnitId: scope(CAMPAIGN_FIELD_LABELS.scopeUnitId, row),
  };
}

export function themeDisplays(row: themes.ThemeRow): Record<keyof typeof THEME_FIELD_LABELS, string | FieldDisplay> {
  return {
    ...THEME_FIELD_LABELS,
    periodStart: date(THEME_FIELD_LABELS.periodStart),
    periodEnd: date(THEME_FIELD_LABELS.periodEnd),
    scopeUnitId: scope(THEME_FIELD_LABELS.scopeUnitId, row),
  };
}

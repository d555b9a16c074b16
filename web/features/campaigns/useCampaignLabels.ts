import { useMemo } from 'react';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  CAMPAIGN_RELATION_LABELS,
  CAMPAIGN_RELATIONS,
  type CampaignKind,
  type CampaignRelation,
  type LinkDirection,
} from '../../../common/campaigns';
import { useLanguage } from '../../i18n/useLanguage';

/** Labels of campaign kinds and link relations in the current language, and the options of their selects. */
export function useCampaignLabels() {
  const { lang } = useLanguage();
  return useMemo(
    () => ({
      kind: (kind: CampaignKind) => CAMPAIGN_KIND_LABELS[kind]?.[lang] ?? kind,
      relation: (relation: CampaignRelation, direction: LinkDirection = 'outgoing') =>
        CAMPAIGN_RELATION_LABELS[relation]?.[direction][lang] ?? relation,
      kindOptions: CAMPAIGN_KINDS.map((kind) => ({ value: kind, label: CAMPAIGN_KIND_LABELS[kind][lang] })),
      relationOptions: CAMPAIGN_RELATIONS.map((relation) => ({
        value: relation,
        label: CAMPAIGN_RELATION_LABELS[relation].outgoing[lang],
      })),
    }),
    [lang],
  );
}

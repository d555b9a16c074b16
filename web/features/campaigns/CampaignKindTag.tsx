import { Tag } from 'antd';
import type { CampaignKind } from '../../../common/campaigns';
import { useCampaignLabels } from './useCampaignLabels';

const COLORS: Record<CampaignKind, string> = {
  directive: 'red',
  resolution: 'volcano',
  conclusion: 'gold',
  plan: 'blue',
  guidance: 'cyan',
  regulation: 'purple',
  other: 'default',
};

export function CampaignKindTag({ kind }: { kind: CampaignKind }) {
  const labels = useCampaignLabels();
  return <Tag color={COLORS[kind]}>{labels.kind(kind)}</Tag>;
}

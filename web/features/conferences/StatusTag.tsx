import { Tag } from 'antd';
import { BRIDGE_STATUS_LABELS, type BridgeStatus } from '../../../common/conferences';
import { useLanguage } from '../../i18n/useLanguage';

export const STATUS_COLORS: Record<BridgeStatus, string> = {
  invited: 'default',
  registered: 'blue',
  tested: 'cyan',
  connected: 'green',
  problem: 'red',
  disconnected: 'volcano',
};

export function BridgeStatusTag({ status }: { status: BridgeStatus }) {
  const { lang } = useLanguage();
  return <Tag color={STATUS_COLORS[status]}>{BRIDGE_STATUS_LABELS[status][lang]}</Tag>;
}

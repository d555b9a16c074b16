import { Tag } from 'antd';
import type { ModelStatus } from '../../../common/models';
import { useModelLabels } from './useModelLabels';

export const STATUS_COLORS: Record<ModelStatus, string> = {
  proposed: 'gold',
  recognised: 'blue',
  replicated: 'green',
  archived: 'default',
};

/** A model's status as a coloured tag. */
export function StatusTag({ status }: { status: ModelStatus }) {
  const labels = useModelLabels();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}

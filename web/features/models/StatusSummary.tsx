import { Badge, Button, Flex } from 'antd';
import { MODEL_STATUSES, type ModelStatus } from '../../../common/models';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import { STATUS_COLORS } from './StatusTag';
import type { StatusCounts } from './types';
import { useModelLabels } from './useModelLabels';
import { formatNumber } from '../../lib/format';

const BADGE_COLORS: Record<string, string> = { gold: '#d48806', blue: '#1677ff', green: '#389e0d', default: '#8c8c8c' };

interface Props {
  counts: StatusCounts | undefined;
  value: ModelStatus | undefined;
  onChange: (status: ModelStatus | undefined) => void;
}

/** How many models of the current filters are in each status; a click narrows the list to that status. */
export function StatusSummary({ counts, value, onChange }: Props) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const total = counts ? MODEL_STATUSES.reduce((sum, status) => sum + counts[status], 0) : undefined;
  const item = (
    key: string,
    label: string,
    count: number | undefined,
    color: string,
    isActive: boolean,
    next?: ModelStatus,
  ) => (
    <Button
      key={key}
      type={isActive ? 'primary' : 'default'}
      ghost={isActive}
      aria-pressed={isActive}
      data-testid={`status-${key}`}
      onClick={() => onChange(next)}
    >
      <Flex gap={6} align="center">
        <span>{label}</span>
        <Badge count={count === undefined ? '…' : formatNumber(count)} showZero overflowCount={1e9} color={color} />
      </Flex>
    </Button>
  );
  return (
    <Flex wrap gap={8} role="group" aria-label={t('filter.status')}>
      {item('all', t('list.allStatuses'), total, '#595959', value === undefined)}
      {MODEL_STATUSES.map((status) =>
        item(
          status,
          labels.status(status),
          counts?.[status],
          BADGE_COLORS[STATUS_COLORS[status]],
          value === status,
          status,
        ),
      )}
    </Flex>
  );
}

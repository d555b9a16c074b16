import { Timeline, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, formatDateTime } from '../../lib/format';
import { messages } from './messages';
import { STATUS_COLORS } from './StatusTag';
import type { ModelDetail } from './types';
import { useModelLabels } from './useModelLabels';

const DOT_COLORS: Record<string, string> = { gold: 'orange', blue: 'blue', green: 'green', default: 'gray' };

/** The model's life: each change of status with its date, who recorded it and why. */
export function ModelTimeline({ model }: { model: ModelDetail }) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  return (
    <Timeline
      data-testid="model-timeline"
      items={model.timeline.map((entry) => ({
        key: entry.id,
        color: DOT_COLORS[STATUS_COLORS[entry.toStatus]],
        content: (
          <>
            <Typography.Text strong>{formatDate(entry.effectiveOn)}</Typography.Text>{' '}
            <Typography.Text>
              {entry.fromStatus
                ? t('timeline.changed', { from: labels.status(entry.fromStatus), to: labels.status(entry.toStatus) })
                : t('timeline.created', { status: labels.status(entry.toStatus) })}
            </Typography.Text>
            {entry.note && <div>{entry.note}</div>}
            {entry.decisionId && model.recognisedDecision?.id === entry.decisionId && (
              <div>
                {t('timeline.decision')} {model.recognisedDecision.number}
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('timeline.by', { user: entry.user?.fullName ?? t('page.system'), at: formatDateTime(entry.at) })}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}

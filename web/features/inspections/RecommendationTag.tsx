import { Tag } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { RecommendationSummary } from './types';
import { useInspectionLabels } from './useInspectionLabels';

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A recommendation's standing: overdue in red before anything else, awaiting acceptance, done on time or late. */
export function RecommendationTag({ item }: { item: RecommendationSummary }) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const tags = [];
  if (item.isOverdue) {
    tags.push(
      <Tag key="overdue" color="red" data-testid="overdue-tag">
        {labels.status('overdue')}
      </Tag>,
    );
  }
  if (item.status === 'done') {
    tags.push(
      <Tag key="done" color={item.isDoneOnTime ? 'green' : 'orange'}>
        {labels.status('done')} ·{' '}
        {item.isDoneOnTime
          ? t('rec.onTime')
          : t('rec.late', { days: days(item.deadline, item.doneOn ?? item.deadline) })}
      </Tag>,
    );
  } else if (item.isAwaitingReview) {
    tags.push(
      <Tag key="awaiting" color="purple">
        {t('rec.awaiting')}
      </Tag>,
    );
  } else {
    tags.push(
      <Tag key="status" color={item.status === 'in_progress' ? 'blue' : 'default'}>
        {labels.status(item.status)}
      </Tag>,
    );
  }
  return <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>{tags}</span>;
}

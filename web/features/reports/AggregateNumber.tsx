import { App, Button, Popconfirm, Tag } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { useIssueAggregateNumber } from './api';
import { reportsMessages } from './messages';
import type { Review } from './types';

/** The aggregate's number and date once issued; before that, the button that issues it (editors of the reviewer). */
export function AggregateNumber({ review }: { review: Review }) {
  const t = useMessages(reportsMessages);
  const { message } = App.useApp();
  const issue = useIssueAggregateNumber();
  if (review.document) {
    return (
      <Tag color="green">
        {t('review.number', { symbol: review.document.symbol, date: formatDate(review.document.issuedOn) })}
      </Tag>
    );
  }
  if (!review.abilities.canIssueNumber) {
    return null;
  }
  return (
    <Popconfirm
      title={t('review.issueConfirm', { unit: review.reviewer.name })}
      okText={t('review.issue')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        issue
          .mutateAsync({ template: review.template.id, period: review.period.key, unit: review.reviewer.id })
          .then((issued) => message.success(t('review.issued', { symbol: issued.symbol })))
          .catch((error: Error) => message.error(error.message))
      }
    >
      <Button loading={issue.isPending}>{t('review.issue')}</Button>
    </Popconfirm>
  );
}

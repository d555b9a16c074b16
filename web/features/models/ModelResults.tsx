import { Flex, Statistic, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { ModelDetail } from './types';

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** What the model achieved: the description, the results in words and the measured indicators. */
export function ModelResults({ model }: { model: ModelDetail }) {
  const t = useMessages(messages);
  return (
    <Flex vertical gap={12}>
      {model.description && (
        <div>
          <Typography.Text type="secondary">{t('field.description')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{model.description}</Typography.Paragraph>
        </div>
      )}
      {model.results && (
        <div>
          <Typography.Text type="secondary">{t('field.results')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{model.results}</Typography.Paragraph>
        </div>
      )}
      {model.indicators.length > 0 && (
        <Flex wrap gap={24}>
          {model.indicators.map((item) => (
            <Statistic
              key={item.indicator}
              title={item.indicator}
              value={NUMBER.format(item.value)}
              suffix={item.unit ?? undefined}
            />
          ))}
        </Flex>
      )}
      {!model.description && !model.results && model.indicators.length === 0 && (
        <Typography.Text type="secondary">{t('page.none')}</Typography.Text>
      )}
    </Flex>
  );
}

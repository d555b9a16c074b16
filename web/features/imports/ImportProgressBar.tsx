import { Flex, Progress, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatNumber } from '../../lib/format';
import { messages } from './messages';
import type { ImportProgressState } from './useImportUpload';

/** The upload share, then the rows the server has checked ("Đã kiểm tra 45.000/100.000 dòng…") and written. */
export function ImportProgressBar({ progress }: { progress: ImportProgressState }) {
  const t = useMessages(messages);
  const { sent, phase, rows, total } = progress;
  let percent = Math.round(sent * 100);
  let text = t('uploading', { percent });
  if (sent >= 1) {
    if (rows === null) {
      text = t('waiting');
    } else if (total && phase === 'writing') {
      percent = Math.min(99, Math.round((rows / total) * 100));
      text = t('writing', { rows: formatNumber(rows), total: formatNumber(total) });
    } else if (total) {
      percent = Math.min(99, Math.round((rows / total) * 100));
      text =
        rows >= total
          ? t('finishing', { rows: formatNumber(rows) })
          : t('checkedOf', {
              rows: formatNumber(rows),
              total: formatNumber(total),
            });
    } else {
      text = t('checked', { rows: formatNumber(rows) });
    }
  }
  const isCounting = sent >= 1 && !total;
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      <Progress percent={isCounting ? 100 : percent} status="active" showInfo={!isCounting} />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {text}
      </Typography.Text>
    </Flex>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { ImportFileModal } from '../imports/ImportFileModal';
import { IMPORT_TEMPLATE_URL, meetingKeys } from './api';
import { formatNumber } from './figuresFormat';
import { messages } from './messages';
import type { ImportMeetingsResult } from './types';

/** Upload of an XLSX/CSV of meetings; a dry run writes nothing; errors by row and column, rows counted as it runs. */
export function ImportMeetingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  return (
    <ImportFileModal<ImportMeetingsResult>
      open={open}
      onClose={onClose}
      title={t('import.title')}
      hint={t('import.hint')}
      path="/meetings/import"
      templateUrl={IMPORT_TEMPLATE_URL}
      summary={(result) =>
        result.dryRun
          ? t('import.dryRunOk', { count: formatNumber(result.meetings) })
          : t('import.done', { count: formatNumber(result.meetings) })
      }
      details={(result) => (
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
          <Descriptions.Item label={t('import.regular')}>{formatNumber(result.regular)}</Descriptions.Item>
          <Descriptions.Item label={t('import.thematic')}>{formatNumber(result.thematic)}</Descriptions.Item>
          <Descriptions.Item label={t('import.themeIncluded')}>{formatNumber(result.themeIncluded)}</Descriptions.Item>
          <Descriptions.Item label={t('import.cells')}>{formatNumber(result.cells)}</Descriptions.Item>
          <Descriptions.Item label={t('import.period')}>
            {result.from ? `${formatDate(result.from)} – ${formatDate(result.to)}` : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      onImported={() => queryClient.invalidateQueries({ queryKey: meetingKeys.all })}
    />
  );
}

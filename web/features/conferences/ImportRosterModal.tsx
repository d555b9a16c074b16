import { useQueryClient } from '@tanstack/react-query';
import { Table } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { ImportFileModal } from '../imports/ImportFileModal';
import { conferenceKeys, ROSTER_TEMPLATE_URL } from './api';
import { messages } from './messages';
import type { ImportRosterResult } from './types';

/** Upload of a roster file; a dry run checks and writes nothing; errors by row and column, as every import. */
export function ImportRosterModal({
  conferenceId,
  bridgeId,
  open,
  onClose,
}: {
  conferenceId: string;
  bridgeId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  return (
    <ImportFileModal<ImportRosterResult>
      open={open}
      onClose={onClose}
      title={t('import.title')}
      hint={t('import.hint')}
      path={`/conferences/${conferenceId}/bridges/${bridgeId}/roster/import`}
      templateUrl={ROSTER_TEMPLATE_URL}
      summary={(result) =>
        result.dryRun ? t('import.dryRunOk', { count: result.created }) : t('import.done', { count: result.created })
      }
      details={(result) => (
        <Table
          size="small"
          rowKey={(_, index) => String(index)}
          dataSource={result.items}
          pagination={result.items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('roster.name'), dataIndex: 'fullName' },
            { title: t('roster.category'), dataIndex: 'category' },
          ]}
        />
      )}
      onImported={() => queryClient.invalidateQueries({ queryKey: conferenceKeys.all })}
    />
  );
}

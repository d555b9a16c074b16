import { useQueryClient } from '@tanstack/react-query';
import { Table } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { ImportFileModal } from '../imports/ImportFileModal';
import { IMPORT_TEMPLATE_URL, modelKeys } from './api';
import { messages } from './messages';
import { StatusTag } from './StatusTag';
import type { ImportModelsResult } from './types';
import { useModelLabels } from './useModelLabels';

type Item = ImportModelsResult['items'][number];

/** Upload of an XLSX/CSV list of models; a dry run checks the file and writes nothing; errors by row and column. */
export function ImportModelsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const queryClient = useQueryClient();
  return (
    <ImportFileModal<ImportModelsResult>
      open={open}
      onClose={onClose}
      title={t('import.title')}
      hint={t('import.hint')}
      path="/models/import"
      templateUrl={IMPORT_TEMPLATE_URL}
      summary={(result) =>
        result.dryRun ? t('import.dryRunOk', { count: result.created }) : t('import.done', { count: result.created })
      }
      details={(result) => (
        <Table<Item & { index: number }>
          size="small"
          rowKey="index"
          dataSource={result.items.map((item, index) => ({ ...item, index }))}
          pagination={result.items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('field.title'), dataIndex: 'title' },
            { title: t('field.kind'), dataIndex: 'kind', render: (kind) => labels.kind(kind) },
            { title: t('field.unit'), dataIndex: 'unitCode' },
            { title: t('field.startedOn'), dataIndex: 'startedOn', render: (day: string) => formatDate(day) },
            { title: t('field.status'), dataIndex: 'status', render: (status) => <StatusTag status={status} /> },
          ]}
        />
      )}
      onImported={() => queryClient.invalidateQueries({ queryKey: modelKeys.all })}
    />
  );
}

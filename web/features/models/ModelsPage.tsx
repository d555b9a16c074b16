import {
  AppstoreOutlined,
  DownloadOutlined,
  PlusOutlined,
  TableOutlined,
  TagsOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Pagination, Row, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { exportUrl, useModels } from './api';
import { ImportModelsModal } from './ImportModelsModal';
import { messages } from './messages';
import { ModelCard } from './ModelCard';
import { ModelFieldsDrawer } from './ModelFieldsDrawer';
import { ModelFilters } from './ModelFilters';
import { ModelFormModal } from './ModelFormModal';
import { ModelsTable } from './ModelsTable';
import { StatusSummary } from './StatusSummary';
import { useModelFilters } from './useModelFilters';
import { useStoredView, type RegistryView } from './useStoredView';
import { formatNumber } from '../../lib/format';

type Dialog = 'create' | 'import' | 'fields' | null;

/** The registry of models and good practices: filters, counts by status, cards or table, import and export. */
export function ModelsPage() {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const { filters, page, pageSize, pageSizes, update, clear } = useModelFilters();
  const [view, setView] = useStoredView();
  const [dialog, setDialog] = useState<Dialog>(null);
  const models = useModels(filters, page, pageSize);
  const abilities = models.data?.abilities;
  const items = models.data?.items ?? [];
  const total = models.data?.total ?? 0;
  const pagination = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: pageSizes,
    showTotal: (count: number) => t('list.total', { count: formatNumber(count) }),
    onChange: (nextPage: number, nextSize: number) =>
      update(nextSize === pageSize ? { page: nextPage } : { page: 1, pageSize: nextSize }),
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {abilities?.canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              {t('list.create')}
            </Button>
          )}
          {abilities?.canCreate && (
            <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
              {t('list.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={exportUrl(filters)} download>
            {t('list.export')}
          </Button>
          {abilities?.canManageFields && (
            <Button icon={<TagsOutlined />} onClick={() => setDialog('fields')}>
              {t('list.fields')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <ModelFilters filters={filters} onChange={update} onClear={clear} />
      </Card>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <StatusSummary counts={models.data?.counts} value={filters.status} onChange={(status) => update({ status })} />
        <Segmented<RegistryView>
          value={view}
          onChange={setView}
          options={[
            { value: 'cards', icon: <AppstoreOutlined />, label: t('list.cards') },
            { value: 'table', icon: <TableOutlined />, label: t('list.table') },
          ]}
        />
      </Flex>
      {models.isError ? (
        <Alert type="error" showIcon title={errorMessage(models.error)} />
      ) : view === 'table' ? (
        <Card size="small">
          <ModelsTable models={items} isLoading={models.isFetching} pagination={pagination} />
        </Card>
      ) : (
        <Spin spinning={models.isPending || (models.isFetching && models.isPlaceholderData)}>
          <Flex vertical gap={16}>
            {items.length === 0 && !models.isPending ? (
              <Empty description={t('list.empty')} />
            ) : (
              <Row gutter={[12, 12]} data-testid="model-cards">
                {items.map((model) => (
                  <Col key={model.id} xs={24} sm={12} lg={8} xxl={6}>
                    <ModelCard model={model} />
                  </Col>
                ))}
              </Row>
            )}
            {total > 0 && <Pagination align="end" {...pagination} />}
          </Flex>
        </Spin>
      )}
      <ModelFormModal
        open={dialog === 'create'}
        onClose={() => setDialog(null)}
        onSaved={(saved) => void navigate(`/models/${saved.id}`)}
      />
      <ImportModelsModal open={dialog === 'import'} onClose={() => setDialog(null)} />
      <ModelFieldsDrawer open={dialog === 'fields'} onClose={() => setDialog(null)} />
    </Flex>
  );
}

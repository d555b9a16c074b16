import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { CampaignKind } from '../../../common/campaigns';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useCampaigns } from './api';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignsTable } from './CampaignsTable';
import { messages } from './messages';
import { useCampaignLabels } from './useCampaignLabels';
import { formatNumber } from '../../lib/format';

/** Directives, resolutions, conclusions and plans the user can see: search, filter by kind, add. */
export function CampaignsPage() {
  const t = useMessages(messages);
  const labels = useCampaignLabels();
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 300);
  const [kind, setKind] = useState<CampaignKind | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isCreating, setIsCreating] = useState(false);
  const campaigns = useCampaigns({ search: search || undefined, kind, page, pageSize });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        {campaigns.data?.abilities.canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
            {t('list.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex wrap gap={8}>
            <Input
              prefix={<SearchOutlined />}
              allowClear
              data-testid="campaign-search"
              placeholder={t('list.search')}
              aria-label={t('list.search')}
              value={term}
              onChange={(event) => {
                setTerm(event.target.value);
                setPage(1);
              }}
              style={{ flex: '1 1 240px', maxWidth: 420 }}
            />
            <Select<CampaignKind>
              allowClear
              aria-label={t('list.kind')}
              placeholder={t('list.kind')}
              options={labels.kindOptions}
              value={kind}
              onChange={(value) => {
                setKind(value);
                setPage(1);
              }}
              style={{ flex: '0 1 200px', minWidth: 160 }}
            />
          </Flex>
          {campaigns.isError ? (
            <Alert type="error" showIcon title={errorMessage(campaigns.error)} />
          ) : (
            <CampaignsTable
              campaigns={campaigns.data?.items ?? []}
              isLoading={campaigns.isFetching}
              pagination={{
                current: page,
                pageSize,
                total: campaigns.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal: (total) => t('list.total', { count: formatNumber(total) }),
                onChange: (nextPage, nextSize) => {
                  setPage(nextSize === pageSize ? nextPage : 1);
                  setPageSize(nextSize);
                },
              }}
            />
          )}
        </Flex>
      </Card>
      <CampaignFormModal
        open={isCreating}
        onClose={() => setIsCreating(false)}
        onSaved={(saved) => void navigate(`/campaigns/${saved.id}`)}
      />
    </Flex>
  );
}

import { BarChartOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isRoleAtLeast } from '../../../common/roles';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useCurrentUser } from '../auth/useCurrentUser';
import { exportUrl, useDecisions } from './api';
import { DecisionFiltersBar } from './DecisionFiltersBar';
import { DecisionFormModal } from './DecisionFormModal';
import { DecisionsTable } from './DecisionsTable';
import { messages } from './messages';
import type { DecisionFilters } from './types';
import { formatNumber } from '../../lib/format';

/** Commendation decisions the user can see: search, filters, export of what is shown, add, import. */
export function CommendationsPage() {
  const t = useMessages(messages);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 300);
  const [filters, setFilters] = useState<DecisionFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [isCreating, setIsCreating] = useState(false);
  const shown = { ...filters, search: search || undefined };
  const decisions = useDecisions(shown, page, pageSize);
  const canEdit = me.grants.some((grant) => isRoleAtLeast(grant.role, 'editor'));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          <Link to="/commendations/stats">
            <Button icon={<BarChartOutlined />}>{t('list.stats')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} href={exportUrl(shown)} download>
            {t('list.export')}
          </Button>
          {canEdit && (
            <>
              <Link to="/commendations/import">
                <Button icon={<UploadOutlined />}>{t('list.import')}</Button>
              </Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
                {t('list.create')}
              </Button>
            </>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <Flex vertical gap={12}>
          <DecisionFiltersBar
            term={term}
            onTerm={(next) => {
              setTerm(next);
              setPage(1);
            }}
            filters={filters}
            onChange={(next) => {
              setFilters(next);
              setPage(1);
            }}
          />
          {decisions.isError ? (
            <Alert type="error" showIcon title={errorMessage(decisions.error)} />
          ) : (
            <DecisionsTable
              decisions={decisions.data?.items ?? []}
              isLoading={decisions.isFetching}
              pagination={{
                current: page,
                pageSize,
                total: decisions.data?.total ?? 0,
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
      <DecisionFormModal
        open={isCreating}
        onClose={() => setIsCreating(false)}
        onSaved={(saved) => void navigate(`/commendations/${saved.id}`)}
      />
    </Flex>
  );
}

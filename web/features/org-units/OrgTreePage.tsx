import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Checkbox, Empty, Flex, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { useAtDate } from '../../lib/useAtDate';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useTopUnits } from './api';
import { AtDatePicker } from './AtDatePicker';
import { OrgTree } from './OrgTree';
import { UnitSearchResults } from './UnitSearchResults';

const MIN_SEARCH_LENGTH = 2;

/** The organisation tree as it stood on a chosen date, with a search across all names past and present. */
export function OrgTreePage() {
  const t = useT();
  const [at, setAt] = useAtDate();
  const [term, setTerm] = useState('');
  const [isOnlyValidAt, setOnlyValidAt] = useState(false);
  const debounced = useDebouncedValue(term.trim(), 300);
  const isSearching = debounced.length >= MIN_SEARCH_LENGTH;
  const top = useTopUnits(at);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('orgTree.title')}
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={12}>
          <AtDatePicker label={t('orgTree.atDate')} value={at} onChange={setAt} />
          <Input
            prefix={<SearchOutlined />}
            placeholder={t('orgTree.searchPlaceholder')}
            aria-label={t('orgTree.searchLabel')}
            value={term}
            onChange={(event) => setTerm(event.target.value)}
            allowClear
            style={{ maxWidth: 520 }}
            data-testid="unit-search"
          />
          <Checkbox checked={isOnlyValidAt} onChange={(event) => setOnlyValidAt(event.target.checked)}>
            {t('orgTree.onlyValidAt', { date: formatDate(at) })}
          </Checkbox>
        </Flex>
      </Card>
      <Card size="small">
        {isSearching ? (
          <UnitSearchResults term={debounced} at={at} isOnlyValidAt={isOnlyValidAt} />
        ) : top.isError ? (
          <Alert type="error" showIcon title={errorMessage(top.error)} />
        ) : top.isPending ? (
          <Spin />
        ) : top.data.length === 0 ? (
          <Empty description={t('orgTree.empty', { date: formatDate(at) })} />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('orgTree.structureAt', { date: formatDate(at) })}
            </Typography.Paragraph>
            <OrgTree key={at} roots={top.data} at={at} />
          </>
        )}
      </Card>
    </Flex>
  );
}

import { Alert, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../lib/serverErrors';
import { atQuery } from '../../lib/useAtDate';
import { useUnitSearch } from './api';
import { dayWithin, validityText } from './validity';
import { ValidityTag } from './ValidityTag';

interface Props {
  term: string;
  at: string;
  isOnlyValidAt: boolean;
}

/** Matches of a search across names past and present; each opens the unit's page on a day it existed. */
export function UnitSearchResults({ term, at, isOnlyValidAt }: Props) {
  const t = useT();
  const labels = useLabels();
  const search = useUnitSearch(term, isOnlyValidAt ? at : undefined);

  if (search.isError) {
    return <Alert type="error" showIcon title={errorMessage(search.error)} />;
  }
  if (search.isPending) {
    return <Spin />;
  }
  if (search.data.length === 0) {
    return <Empty description={t('orgTree.noResults')} />;
  }
  return (
    <div data-testid="search-results" style={{ opacity: search.isPlaceholderData ? 0.6 : 1 }}>
      <Typography.Text type="secondary">{t('orgTree.resultCount', { count: search.data.length })}</Typography.Text>
      <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {search.data.map((unit) => (
          <li key={unit.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Flex wrap gap={8} align="baseline">
              <Link to={`/org-units/${unit.id}${atQuery(dayWithin(at, unit.validFrom, unit.validTo))}`}>
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {unit.name}
                </Typography.Text>
              </Link>
              <Typography.Text type="secondary">{unit.code}</Typography.Text>
              <Tag variant="filled">{labels.kind(unit.kind)}</Tag>
              <ValidityTag validFrom={unit.validFrom} validTo={unit.validTo} at={at} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {validityText(t, unit.validFrom, unit.validTo)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { Alert, Breadcrumb, Button, Card, Flex, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useLabels } from '../../i18n/useLabels';
import { useT } from '../../i18n/useT';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { errorMessage } from '../../lib/serverErrors';
import { atQuery, useAtDate } from '../../lib/useAtDate';
import { useOrgUnit } from './api';
import { AtDatePicker } from './AtDatePicker';
import { LineageTable } from './LineageTable';
import { UnitActions } from './UnitActions';
import { UnitChildrenTable } from './UnitChildrenTable';
import { UnitInfo } from './UnitInfo';
import { UnitNamesTable } from './UnitNamesTable';
import { ValidityTag } from './ValidityTag';

/** One unit on a date: where it sits, what it was called, where it came from and went, and what is under it. */
export function OrgUnitPage() {
  const t = useT();
  const labels = useLabels();
  const { id = '' } = useParams();
  const [at, setAt] = useAtDate();
  const detail = useOrgUnit(id, at);

  if (detail.isPending) {
    return <Spin />;
  }
  if (detail.isError) {
    if (isApiError(detail.error, 'NOT_FOUND')) {
      return <NotFoundPage />;
    }
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(detail.error)}
        action={<Button onClick={() => void detail.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const unit = detail.data;
  const reload = () => void detail.refetch();

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'tree', title: <Link to={`/org-units${atQuery(at)}`}>{t('nav.orgUnits')}</Link> },
          ...unit.ancestors.map((ancestor) => ({
            key: ancestor.id,
            title: <Link to={`/org-units/${ancestor.id}${atQuery(at)}`}>{ancestor.name}</Link>,
          })),
          { key: unit.id, title: unit.name },
        ]}
      />
      <Flex wrap gap={8} align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {unit.name}
        </Typography.Title>
        <Typography.Text type="secondary">{unit.code}</Typography.Text>
        <Tag>{labels.kind(unit.kind)}</Tag>
        <ValidityTag validFrom={unit.validFrom} validTo={unit.validTo} at={at} />
      </Flex>
      <Flex wrap gap={12} justify="space-between" align="center">
        <AtDatePicker label={t('unit.atDate')} value={at} onChange={setAt} />
        <UnitActions unit={unit} at={at} onConflict={reload} />
      </Flex>
      <Card size="small" title={t('unit.info')}>
        <UnitInfo unit={unit} at={at} />
      </Card>
      <Card size="small" title={t('unit.childrenAt')}>
        <UnitChildrenTable unitId={unit.id} at={at} />
      </Card>
      <Card size="small" title={t('unit.names')}>
        <UnitNamesTable names={unit.names} />
      </Card>
      <Card size="small" title={t('unit.predecessors')}>
        <LineageTable links={unit.predecessors} testId="predecessors" />
      </Card>
      <Card size="small" title={t('unit.successors')}>
        <LineageTable links={unit.successors} testId="successors" />
      </Card>
    </Flex>
  );
}

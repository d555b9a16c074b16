import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { useT } from '../../i18n/useT';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { UnitPicker } from '../org-units/UnitPicker';
import { useAuditEntityTypes } from './api';
import { entityTypeLabel } from './auditLabels';
import type { AuditFilter } from './types';

interface Props {
  value: AuditFilter;
  onChange: (filter: AuditFilter) => void;
}

/** User (username), entity type, unit (its subtree) and a date range. */
export function AuditFilters({ value, onChange }: Props) {
  const t = useT();
  const { lang } = useLanguage();
  const [user, setUser] = useState(value.user ?? '');
  const entityTypes = useAuditEntityTypes();

  return (
    <Flex wrap gap={8} align="center">
      <Input
        prefix={<SearchOutlined />}
        placeholder={t('audit.userFilter')}
        aria-label={t('audit.userFilter')}
        value={user}
        allowClear
        onChange={(event) => {
          setUser(event.target.value);
          if (!event.target.value) {
            onChange({ ...value, user: undefined });
          }
        }}
        onPressEnter={() => onChange({ ...value, user: user.trim() || undefined })}
        onBlur={() => onChange({ ...value, user: user.trim() || undefined })}
        style={{ width: 200 }}
      />
      <Select<string>
        allowClear
        placeholder={t('audit.entityType')}
        aria-label={t('audit.entityType')}
        value={value.entityType}
        onChange={(entityType) => onChange({ ...value, entityType })}
        loading={entityTypes.isPending}
        options={(entityTypes.data ?? []).map((type) => ({ value: type, label: entityTypeLabel(type, lang) }))}
        style={{ width: 180 }}
      />
      <UnitPicker
        isHistoryIncluded
        allowClear
        value={value.unit}
        onChange={(unit) => onChange({ ...value, unit })}
        placeholder={t('audit.unitFilter')}
        style={{ width: 260, maxWidth: '100%' }}
      />
      <DatePicker.RangePicker
        format={DATE_FORMAT}
        value={[toDayjs(value.from), toDayjs(value.to)]}
        allowEmpty={[true, true]}
        onChange={(range) => onChange({ ...value, from: fromDayjs(range?.[0]), to: fromDayjs(range?.[1]) })}
        placeholder={[t('common.fromDate'), t('common.toDate')]}
        style={{ maxWidth: '100%' }}
      />
      <Button
        onClick={() => {
          setUser('');
          onChange({});
        }}
      >
        {t('audit.clearFilters')}
      </Button>
    </Flex>
  );
}

import { ClearOutlined, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Col, DatePicker, Grid, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ModelKind } from '../../../common/models';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { ThemeSelect } from '../campaigns/ThemeSelect';
import { useModelFields } from './api';
import { messages } from './messages';
import type { ModelFilters as Filters } from './types';
import { UnitSelect } from './UnitSelect';
import { useModelLabels } from './useModelLabels';

interface Props {
  filters: Filters;
  onChange: (changes: Partial<Filters>) => void;
  onClear: () => void;
}

const HALF = { xs: 24, sm: 12, lg: 8, xl: 6 };

/** Search and filters of the registry; each change updates the URL, the list follows. */
export function ModelFilters({ filters, onChange, onClear }: Props) {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const fields = useModelFields(true);
  const [term, setTerm] = useState(filters.search ?? '');
  const search = useDebouncedValue(term.trim(), 300);
  useEffect(() => {
    if ((filters.search ?? '') !== search) {
      onChange({ search: search || undefined });
    }
    // Only the typed text drives this; the URL's value seeds the box once.
  }, [search]);
  const hasFilters = Object.values(filters).some((value) => value !== undefined);
  // On a phone the filters beyond the search box fold away, so the list starts on the first screen.
  const isPhone = !Grid.useBreakpoint().md;
  const [isOpen, setOpen] = useState(false);
  const activeCount = [
    filters.kind,
    filters.field,
    filters.unit,
    filters.campaign,
    filters.theme,
    filters.from ?? filters.to,
  ].filter((value) => value !== undefined).length;
  const showAll = !isPhone || isOpen;

  return (
    <Row gutter={[8, 8]}>
      <Col xs={isPhone ? 18 : 24} lg={16} xl={12}>
        <Input
          prefix={<SearchOutlined />}
          allowClear
          data-testid="model-search"
          placeholder={t('filter.search')}
          aria-label={t('filter.search')}
          value={term}
          onChange={(event) => setTerm(event.target.value)}
        />
      </Col>
      {isPhone && (
        <Col xs={6}>
          <Badge count={activeCount} size="small">
            <Button
              icon={<FilterOutlined />}
              aria-label={t('filter.more')}
              aria-expanded={showAll}
              onClick={() => setOpen((open) => !open)}
            />
          </Badge>
        </Col>
      )}
      {showAll && (
        <>
          <Col {...HALF}>
            <Select<ModelKind>
              allowClear
              aria-label={t('filter.kind')}
              placeholder={t('filter.kind')}
              options={labels.kindOptions}
              value={filters.kind}
              onChange={(kind) => onChange({ kind })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...HALF}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('filter.field')}
              placeholder={t('filter.field')}
              options={(fields.data?.items ?? []).map((field) => ({ value: field.code, label: labels.field(field) }))}
              value={filters.field}
              onChange={(field) => onChange({ field })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...HALF}>
            <UnitSelect
              allowClear
              placeholder={t('filter.unit')}
              value={filters.unit}
              onChange={(unit) => onChange({ unit })}
            />
          </Col>
          <Col {...HALF}>
            <CampaignSelect
              placeholder={t('filter.campaign')}
              value={filters.campaign}
              onChange={(campaign) => onChange({ campaign, theme: undefined })}
            />
          </Col>
          <Col {...HALF}>
            <ThemeSelect
              placeholder={t('filter.theme')}
              campaign={filters.campaign}
              value={filters.theme}
              onChange={(theme) => onChange({ theme })}
            />
          </Col>
          <Col {...HALF}>
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              allowEmpty={[true, true]}
              placeholder={[t('filter.from'), t('filter.to')]}
              aria-label={t('filter.dates')}
              value={[toDayjs(filters.from), toDayjs(filters.to)]}
              onChange={(range) => onChange({ from: fromDayjs(range?.[0]), to: fromDayjs(range?.[1]) })}
              style={{ width: '100%' }}
            />
          </Col>
        </>
      )}
      {hasFilters && (
        <Col>
          <Button
            icon={<ClearOutlined />}
            onClick={() => {
              setTerm('');
              onClear();
            }}
          >
            {t('filter.clear')}
          </Button>
        </Col>
      )}
    </Row>
  );
}

import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { UnitPicker } from '../org-units/UnitPicker';
import { messages } from './messages';
import type { DecisionFilters } from './types';
import { useCommendationLabels } from './useCommendationLabels';

interface Props {
  /** The search box as typed (the list searches a debounced copy). */
  term: string;
  onTerm: (term: string) => void;
  filters: DecisionFilters;
  onChange: (filters: DecisionFilters) => void;
}

const grow = (basis: number) => ({ flex: `1 1 ${basis}px`, minWidth: Math.min(basis, 160) });

/** Search and filters of the decisions list; every change goes back to the first page. */
export function DecisionFiltersBar({ term, onTerm, filters, onChange }: Props) {
  const t = useMessages(messages);
  const labels = useCommendationLabels();
  const set = (patch: Partial<DecisionFilters>) => onChange({ ...filters, ...patch });
  const hasFilters = Object.entries(filters).some(([key, value]) => key !== 'search' && value !== undefined);

  return (
    <Flex vertical gap={8}>
      <Input
        prefix={<SearchOutlined />}
        allowClear
        data-testid="commendation-search"
        placeholder={t('list.search')}
        aria-label={t('list.search')}
        value={term}
        onChange={(event) => onTerm(event.target.value)}
      />
      <Flex wrap gap={8}>
        <Select
          allowClear
          aria-label={t('filter.level')}
          placeholder={t('filter.level')}
          options={labels.level.options}
          value={filters.level}
          onChange={(level) => set({ level })}
          style={grow(150)}
        />
        <Select
          allowClear
          aria-label={t('filter.form')}
          placeholder={t('filter.form')}
          options={labels.form.options}
          value={filters.form}
          onChange={(form) => set({ form })}
          style={grow(150)}
        />
        <Select
          allowClear
          aria-label={t('filter.type')}
          placeholder={t('filter.type')}
          options={labels.type.options}
          value={filters.type}
          onChange={(type) => set({ type })}
          style={grow(130)}
        />
        <Select
          allowClear
          aria-label={t('filter.recipientType')}
          placeholder={t('filter.recipientType')}
          options={labels.recipientType.options}
          value={filters.recipientType}
          onChange={(recipientType) => set({ recipientType })}
          style={grow(150)}
        />
        <DatePicker.RangePicker
          aria-label={t('filter.period')}
          format={DATE_FORMAT}
          allowEmpty={[true, true]}
          value={[toDayjs(filters.from), toDayjs(filters.to)]}
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            set({ from: fromDayjs(range?.[0]), to: fromDayjs(range?.[1]) })
          }
          style={grow(260)}
        />
        <UnitPicker
          allowClear
          isHistoryIncluded
          placeholder={t('filter.unit')}
          value={filters.unit}
          onChange={(unit) => set({ unit })}
          style={grow(220)}
        />
        <div style={grow(220)}>
          <CampaignSelect
            placeholder={t('filter.campaign')}
            value={filters.campaign}
            onChange={(campaign) => set({ campaign })}
          />
        </div>
        {hasFilters && (
          <Button onClick={() => onChange({})} type="link">
            {t('filter.clear')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

interface DecisionOption {
  id: string;
  number: string;
  decisionDate: string;
  issuerName: string;
}

interface Props {
  value?: string;
  onChange?: (id: string | undefined, decision?: DecisionOption) => void;
  placeholder?: string;
  id?: string;
}

/**
 * A commendation decision found by its number (123-QĐ/TU), diacritics optional.
 * TODO(commendations): use the commendations feature's own picker once it has one.
 */
export function DecisionSelect({ value, onChange, placeholder, id }: Props) {
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 250);
  const decisions = useQuery({
    queryKey: ['models', 'decision-options', search],
    queryFn: ({ signal }) =>
      api.get<{ items: DecisionOption[] }>('/commendations', { search: search || undefined, pageSize: 20 }, signal),
    staleTime: 60_000,
  });
  const options = useMemo(
    () =>
      (decisions.data?.items ?? []).map((decision) => ({
        value: decision.id,
        label: `${decision.number} (${formatDate(decision.decisionDate)})`,
        decision,
      })),
    [decisions.data],
  );
  return (
    <Select<string>
      id={id}
      value={value}
      allowClear
      placeholder={placeholder}
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={decisions.isFetching ? <Spin size="small" /> : null}
      options={options}
      optionRender={(option) => (
        <span style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{option.data.decision.number}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {formatDate(option.data.decision.decisionDate)} · {option.data.decision.issuerName}
          </Typography.Text>
        </span>
      )}
      onChange={(next) => {
        onChange?.(next, options.find((option) => option.value === next)?.decision);
        setTerm('');
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(520px, 95vw)' } } }}
    />
  );
}

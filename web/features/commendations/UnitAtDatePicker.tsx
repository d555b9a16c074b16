import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import type { UnitRef } from '../auth/types';
import { useTopUnits, useUnitSearch } from '../org-units/api';
import { messages } from './messages';

interface Props {
  /** Units are offered as they were on this day (the decision date): the codes and names of then. */
  at: string;
  value?: string;
  onChange?: (id: string | undefined, unit?: UnitRef) => void;
  /** The unit already chosen, so that it shows by name before any search. */
  current?: UnitRef | null;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
}

/** A unit chosen by name or code among the units active on `at`; a Form.Item control. */
export function UnitAtDatePicker({ at, value, onChange, current, placeholder, allowClear, id, style }: Props) {
  const t = useMessages(messages);
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 250);
  const found = useUnitSearch(search, at, 30);
  const top = useTopUnits(at);
  const [picked, setPicked] = useState<UnitRef | undefined>();

  const options = useMemo(() => {
    const units: UnitRef[] = (search ? (found.data ?? []) : (top.data ?? [])).map(({ id: unitId, code, name }) => ({
      id: unitId,
      code,
      name,
    }));
    for (const known of [picked, current]) {
      if (known && known.id === value && !units.some((unit) => unit.id === known.id)) {
        units.unshift(known);
      }
    }
    return units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})`, unit }));
  }, [search, found.data, top.data, picked, current, value]);

  return (
    <Select<string>
      id={id}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('unitAt.placeholder')}
      style={{ width: '100%', minWidth: 180, ...style }}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={found.isFetching || top.isFetching ? <Spin size="small" /> : t('unitAt.nothing')}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.unit.name} <Typography.Text type="secondary">{option.data.unit.code}</Typography.Text>
        </span>
      )}
      onChange={(next) => {
        const unit = options.find((option) => option.value === next)?.unit;
        setPicked(unit);
        onChange?.(next, unit);
        setTerm('');
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(480px, 95vw)' } } }}
    />
  );
}

import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { todayIso } from '../../../common/dates';
import { useT } from '../../i18n/useT';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import type { UnitRef } from '../auth/types';
import { useTopUnits, useUnitSearch } from '../org-units/api';
import { useUnitLabel } from './api';

interface Props {
  value?: string;
  onChange?: (id: string | undefined, unit?: UnitRef) => void;
  /** Only units that existed on this date; without it, units of any date (filters over history). */
  at?: string;
  /** The unit already chosen (a model being edited), so its name shows before any search. */
  initialUnit?: UnitRef;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
}

/** Shows the chosen unit's name when the page opens with only its id (from the URL). */
function useChosenLabel(value: string | undefined, known: UnitRef | undefined, at: string): UnitRef | undefined {
  const detail = useUnitLabel(value && !known ? value : undefined, at);
  return known ?? (value && detail.data?.id === value ? detail.data : undefined);
}

/**
 * A unit chosen by typing part of its name or code, diacritics optional — like the org-units UnitPicker, but able to
 * show a unit chosen before (a model's unit, a filter restored from the URL) and to keep to the units of a date.
 */
export function UnitSelect({ value, onChange, at, initialUnit, placeholder, allowClear, id }: Props) {
  const t = useT();
  const [term, setTerm] = useState('');
  const debounced = useDebouncedValue(term.trim(), 250);
  const search = useUnitSearch(debounced, at, 30);
  const top = useTopUnits(at ?? todayIso());
  const [picked, setPicked] = useState<UnitRef | undefined>(initialUnit);
  const known = picked?.id === value ? picked : initialUnit?.id === value ? initialUnit : undefined;
  const chosen = useChosenLabel(value, known, at ?? todayIso());

  const options = useMemo(() => {
    const units = (debounced ? search.data : top.data) ?? [];
    const list = units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})`, unit: unit as UnitRef }));
    if (chosen && !list.some((option) => option.value === chosen.id)) {
      list.unshift({ value: chosen.id, label: `${chosen.name} (${chosen.code})`, unit: chosen });
    }
    return list;
  }, [debounced, search.data, top.data, chosen]);

  return (
    <Select<string>
      id={id}
      value={value && !chosen ? undefined : value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('unitPicker.placeholder')}
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={search.isFetching || top.isFetching ? <Spin size="small" /> : t('unitPicker.nothing')}
      options={options}
      optionRender={(option) => (
        <span style={{ whiteSpace: 'normal' }}>
          {option.data.unit.name} <Typography.Text type="secondary">{option.data.unit.code}</Typography.Text>
        </span>
      )}
      onChange={(next) => {
        const unit = options.find((option) => option.value === next)?.unit;
        setPicked(unit ? { id: unit.id, code: unit.code, name: unit.name } : undefined);
        onChange?.(next, unit);
        setTerm('');
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(480px, 95vw)' } } }}
    />
  );
}

import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { todayIso } from '../../../common/dates';
import { useT } from '../../i18n/useT';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useTopUnits, useUnitSearch } from './api';
import type { OrgUnitSummary } from './types';

export interface PickedUnit {
  id: string;
  code: string;
  name: string;
}

interface Props {
  value?: string;
  onChange?: (id: string | undefined, unit?: PickedUnit) => void;
  /** Include units that no longer exist (audit filters); otherwise only units valid today. */
  isHistoryIncluded?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** A unit chosen by typing part of its name or code (no diacritics needed); works as a Form.Item control. */
export function UnitPicker({ value, onChange, isHistoryIncluded = false, placeholder, allowClear, style, id }: Props) {
  const t = useT();
  const [term, setTerm] = useState('');
  const debounced = useDebouncedValue(term.trim(), 250);
  const at = isHistoryIncluded ? undefined : todayIso();
  const search = useUnitSearch(debounced, at, 30);
  const top = useTopUnits(todayIso());
  const [known, setKnown] = useState<Map<string, PickedUnit>>(new Map());

  const units: OrgUnitSummary[] = useMemo(
    () => (debounced ? (search.data ?? []) : (top.data ?? [])),
    [debounced, search.data, top.data],
  );

  const options = useMemo(() => {
    const list = units.map((unit) => ({
      value: unit.id,
      label: `${unit.name} (${unit.code})`,
      unit,
    }));
    const selected = value ? known.get(value) : undefined;
    if (selected && !list.some((option) => option.value === selected.id)) {
      list.unshift({
        value: selected.id,
        label: `${selected.name} (${selected.code})`,
        unit: { ...selected, kind: 'cell', parentId: null, validFrom: '', validTo: null, hasChildren: false },
      });
    }
    return list;
  }, [units, value, known]);

  return (
    <Select<string>
      id={id}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('unitPicker.placeholder')}
      style={style}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={search.isFetching || top.isFetching ? <Spin size="small" /> : t('unitPicker.nothing')}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.unit.name} <Typography.Text type="secondary">{option.data.unit.code}</Typography.Text>
        </span>
      )}
      onChange={(next) => {
        const picked = options.find((option) => option.value === next)?.unit;
        if (picked) {
          setKnown((map) => new Map(map).set(picked.id, { id: picked.id, code: picked.code, name: picked.name }));
        }
        onChange?.(next, picked ? { id: picked.id, code: picked.code, name: picked.name } : undefined);
        setTerm('');
      }}
      popupMatchSelectWidth={false}
    />
  );
}

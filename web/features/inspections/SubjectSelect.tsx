import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useChildUnits, useUnitSearch } from '../org-units/api';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

interface Known {
  id: string;
  code: string;
  name: string;
}

interface Props {
  /** The conducting unit: any unit below it (a province inspecting a commune or a cell) may be a subject. */
  under: string;
  /** Units as they were on this day (the planned start); a unit closed by then is not offered. */
  at: string;
  /** Subjects already chosen (an inspection being edited), so they show by name before any search. */
  initial?: Known[];
  value?: string[];
  onChange?: (ids: string[]) => void;
  isDisabled?: boolean;
  id?: string;
}

/**
 * The units an inspection looks at: the conducting unit's children at once, and any unit of its subtree valid on the
 * date by typing part of a name or code, diacritics optional (the server folds the search and keeps it below `under`).
 */
export function SubjectSelect({ under, at, initial = [], value = [], onChange, isDisabled, id }: Props) {
  const t = useMessages(messages);
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 250);
  const found = useUnitSearch(search, at, 50, under);
  const children = useChildUnits(under, at);
  const [known, setKnown] = useState<Map<string, Known>>(() => new Map(initial.map((unit) => [unit.id, unit])));

  const options = useMemo(() => {
    const units: Known[] = [...((search ? found.data : children.data) ?? [])];
    for (const chosen of value) {
      const unit = known.get(chosen);
      if (unit && !units.some((u) => u.id === chosen)) {
        units.unshift(unit);
      }
    }
    return units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})`, unit }));
  }, [search, found.data, children.data, value, known]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      disabled={isDisabled}
      placeholder={t('insp.subjectsSearch')}
      showSearch={{ filterOption: false, onSearch: setTerm, searchValue: term }}
      notFoundContent={found.isFetching || children.isFetching ? <Spin size="small" /> : t('insp.subjectsNone')}
      options={options}
      optionRender={(option) => (
        <span style={{ whiteSpace: 'normal' }}>
          {option.data.unit.name} <Typography.Text type="secondary">{option.data.unit.code}</Typography.Text>
        </span>
      )}
      onChange={(next) => {
        setKnown((map) => {
          const copy = new Map(map);
          options
            .filter((option) => next.includes(option.value))
            .forEach((option) => copy.set(option.value, option.unit));
          return copy;
        });
        onChange?.(next);
        setTerm('');
      }}
    />
  );
}

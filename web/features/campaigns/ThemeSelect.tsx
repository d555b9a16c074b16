import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useTheme, useThemes } from './api';
import { messages } from './messages';
import type { ThemeSummary } from './types';

export interface ThemeSelectProps {
  /** The chosen theme's id. */
  value?: string;
  onChange?: (id: string | undefined, theme?: ThemeSummary) => void;
  /** Only the themes of this campaign (id or code). */
  campaign?: string;
  /** Only the themes that apply to this unit (scope is the unit or above it)… */
  unitId?: string;
  /** …and, with `unitId`, the ones in force on this date (YYYY-MM-DD): a cell meeting's choices, its own first. */
  at?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** A study theme chosen by typing part of its code or title; works as a Form.Item control. */
export function ThemeSelect({
  value,
  onChange,
  campaign,
  unitId,
  at,
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
}: ThemeSelectProps) {
  const t = useMessages(messages);
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 250);
  const themes = useThemes({ campaign, appliesTo: unitId, at, search: search || undefined, pageSize: 50 });
  const items = useMemo(() => themes.data?.items ?? [], [themes.data]);
  const isListed = !value || items.some((theme) => theme.id === value);
  const selected = useTheme(isListed ? undefined : value);

  const options = useMemo(() => {
    const list = [...items];
    if (selected.data && !list.some((theme) => theme.id === selected.data.id)) {
      list.unshift(selected.data);
    }
    return list.map((theme) => ({ value: theme.id, label: `${theme.code} — ${theme.title}`, theme }));
  }, [items, selected.data]);

  return (
    <Select<string>
      id={id}
      value={value}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('select.theme')}
      style={{ width: '100%', ...style }}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={themes.isFetching ? <Spin size="small" /> : t('select.nothing')}
      options={options}
      optionRender={(option) => (
        <span style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{option.data.theme.code}</Typography.Text>{' '}
          <Typography.Text>{option.data.theme.title}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            ({formatDate(option.data.theme.periodStart)} – {formatDate(option.data.theme.periodEnd)} ·{' '}
            {option.data.theme.scopeUnit.name})
          </Typography.Text>
        </span>
      )}
      onChange={(next) => {
        onChange?.(next, options.find((option) => option.value === next)?.theme);
        setTerm('');
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(560px, 95vw)' } } }}
    />
  );
}

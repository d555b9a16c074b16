import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CampaignKind } from '../../../common/campaigns';
import { useMessages } from '../../i18n/useMessages';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useCampaign, useCampaigns } from './api';
import { messages } from './messages';
import type { CampaignRef } from './types';

export interface CampaignSelectProps {
  /** The chosen campaign's id. */
  value?: string;
  onChange?: (id: string | undefined, campaign?: CampaignRef) => void;
  /** Only campaigns of this kind. */
  kind?: CampaignKind;
  /** Only campaigns in force for this unit (scope is the unit or above it). */
  appliesTo?: string;
  /** Leave this campaign out (linking a campaign to another). */
  excludeId?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/**
 * A campaign (directive, resolution, plan…) chosen by typing part of its number or subject, diacritics optional.
 * Works as a Form.Item control; commendations and models tag their records with it.
 */
export function CampaignSelect({
  value,
  onChange,
  kind,
  appliesTo,
  excludeId,
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
}: CampaignSelectProps) {
  const t = useMessages(messages);
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 250);
  const campaigns = useCampaigns({ search: search || undefined, kind, appliesTo, pageSize: 30 });
  const items = useMemo(
    () => (campaigns.data?.items ?? []).filter((campaign) => campaign.id !== excludeId),
    [campaigns.data, excludeId],
  );
  // The chosen campaign may not be among the matches of the current search: fetch it to show its label.
  const isListed = !value || items.some((campaign) => campaign.id === value);
  const selected = useCampaign(isListed ? undefined : value);

  const options = useMemo(() => {
    const list: CampaignRef[] = items.map(({ id: campaignId, code, kind: k, title }) => ({
      id: campaignId,
      code,
      kind: k,
      title,
    }));
    if (selected.data && !list.some((campaign) => campaign.id === selected.data.id)) {
      list.unshift(selected.data);
    }
    return list.map((campaign) => ({ value: campaign.id, label: `${campaign.code} — ${campaign.title}`, campaign }));
  }, [items, selected.data]);

  return (
    <Select<string>
      id={id}
      value={value}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('select.campaign')}
      style={{ width: '100%', ...style }}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={campaigns.isFetching ? <Spin size="small" /> : t('select.nothing')}
      options={options}
      optionRender={(option) => (
        <span style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{option.data.campaign.code}</Typography.Text>{' '}
          <Typography.Text type="secondary">{option.data.campaign.title}</Typography.Text>
        </span>
      )}
      onChange={(next) => {
        onChange?.(next, options.find((option) => option.value === next)?.campaign);
        setTerm('');
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(560px, 95vw)' } } }}
    />
  );
}

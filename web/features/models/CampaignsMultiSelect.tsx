import { Select, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useCampaigns } from '../campaigns/api';
import { messages } from './messages';

interface CampaignOption {
  id: string;
  code: string;
  title: string;
}

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The campaigns already linked (a model being edited), so their codes show before any search. */
  initial?: CampaignOption[];
  id?: string;
}

/**
 * Several campaigns a model serves, found by typing part of their number or subject (the campaigns feature's
 * CampaignSelect picks one; a model may serve CT 05, NQ TW4 and a provincial plan at once).
 */
export function CampaignsMultiSelect({ value, onChange, initial = [], id }: Props) {
  const t = useMessages(messages);
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim(), 250);
  const campaigns = useCampaigns({ search: search || undefined, pageSize: 30 });
  const [known, setKnown] = useState<Map<string, CampaignOption>>(() => new Map(initial.map((c) => [c.id, c])));

  const options = useMemo(() => {
    const found = (campaigns.data?.items ?? []).map(({ id: campaignId, code, title }) => ({
      id: campaignId,
      code,
      title,
    }));
    const chosen = (value ?? []).map((campaignId) => known.get(campaignId)).filter((c): c is CampaignOption => !!c);
    const all = [...chosen, ...found.filter((c) => !chosen.some((other) => other.id === c.id))];
    return all.map((campaign) => ({ value: campaign.id, label: campaign.code, campaign }));
  }, [campaigns.data, value, known]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      placeholder={t('field.campaigns')}
      style={{ width: '100%' }}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      notFoundContent={campaigns.isFetching ? <Spin size="small" /> : null}
      options={options}
      optionRender={(option) => (
        <span style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{option.data.campaign.code}</Typography.Text>{' '}
          <Typography.Text type="secondary">{option.data.campaign.title}</Typography.Text>
        </span>
      )}
      onChange={(ids) => {
        setKnown((map) => {
          const next = new Map(map);
          options.forEach((option) => next.set(option.value, option.campaign));
          return next;
        });
        onChange?.(ids);
        setTerm('');
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(560px, 95vw)' } } }}
    />
  );
}

import { App, Form, Modal, Select } from 'antd';
import type { CampaignRelation } from '../../../common/campaigns';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useLinkCampaign } from './api';
import { CampaignSelect } from './CampaignSelect';
import { messages } from './messages';
import type { CampaignDetail } from './types';
import { useCampaignLabels } from './useCampaignLabels';

interface Values {
  relation: CampaignRelation;
  relatedCampaignId: string;
}

/** Links this campaign to another: it continues, is implemented with, implements, or is related to it. */
export function LinkCampaignModal({
  campaign,
  open,
  onClose,
}: {
  campaign: CampaignDetail;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(messages);
  const labels = useCampaignLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const link = useLinkCampaign();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await link.mutateAsync({ id: campaign.id, ...values });
      void message.success(t('link.added'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 6);
      }
    }
  };

  return (
    <Modal
      open={open}
      title={t('link.title', { code: campaign.code })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={link.isPending}
      destroyOnHidden
    >
      <Form<Values>
        name="campaign-link"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ relation: 'implements' }}
      >
        <Form.Item name="relation" label={t('link.relation')} rules={[{ required: true, message: t('rule.relation') }]}>
          <Select options={labels.relationOptions} />
        </Form.Item>
        <Form.Item
          name="relatedCampaignId"
          label={t('link.related')}
          rules={[{ required: true, message: t('rule.related') }]}
        >
          <CampaignSelect excludeId={campaign.id} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

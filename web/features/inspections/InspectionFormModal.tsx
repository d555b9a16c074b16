import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { INSPECTION_FORMS, INSPECTION_KINDS, MEMBER_ROLES } from '../../../common/inspections';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { useChildUnits } from '../org-units/api';
import { useCreateInspection } from './api';
import { messages } from './messages';
import type { Member, PlanDetail } from './types';
import { useInspectionLabels } from './useInspectionLabels';

interface Values {
  kind: string;
  form: string;
  campaignId?: string;
  title: string;
  content?: string;
  plannedStart: Dayjs;
  plannedEnd: Dayjs;
  subjectUnitIds: string[];
  members: Member[];
}

/** A new inspection or supervision in a plan: subjects among the units under the conducting one, and the team. */
export function InspectionFormModal({ plan, open, onClose }: { plan: PlanDetail; open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateInspection();
  const start = Form.useWatch('plannedStart', form);
  const at = fromDayjs(start) ?? `${plan.year}-01-01`;
  const children = useChildUnits(plan.unit.id, at);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const inspection = await create.mutateAsync({
        planId: plan.id,
        kind: values.kind,
        form: values.form,
        campaignId: values.campaignId ?? null,
        title: values.title,
        content: values.content,
        plannedStart: fromDayjs(values.plannedStart),
        plannedEnd: fromDayjs(values.plannedEnd),
        subjectUnitIds: values.subjectUnitIds,
        members: values.members ?? [],
      });
      inspection.warnings.forEach((warning) => void message.warning(warning.message, 10));
      onClose();
      void navigate(`/inspections/${inspection.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
    }
  };

  return (
    <Modal
      open={open}
      width={760}
      title={t('plans.addInspection')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        name="inspection"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'inspection', form: 'thematic', members: [{ fullName: '', role: 'head' }] }}
      >
        <Flex wrap gap={16}>
          <Form.Item name="kind" label={t('insp.kind')}>
            <Radio.Group options={INSPECTION_KINDS.map((kind) => ({ value: kind, label: labels.kind(kind) }))} />
          </Form.Item>
          <Form.Item name="form" label={t('insp.form')}>
            <Radio.Group options={INSPECTION_FORMS.map((f) => ({ value: f, label: labels.form(f) }))} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label={t('insp.title')}
          rules={[{ required: true, whitespace: true, message: t('insp.title') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="campaignId" label={t('insp.campaign')}>
          <CampaignSelect allowClear />
        </Form.Item>
        <Form.Item name="content" label={t('insp.content')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Flex wrap gap={16}>
          <Form.Item
            name="plannedStart"
            label={t('insp.plannedStart')}
            rules={[{ required: true, message: t('insp.plannedStart') }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              minDate={toDayjs(`${plan.year}-01-01`) ?? undefined}
              maxDate={toDayjs(`${plan.year}-12-31`) ?? undefined}
            />
          </Form.Item>
          <Form.Item
            name="plannedEnd"
            label={t('insp.plannedEnd')}
            rules={[{ required: true, message: t('insp.plannedEnd') }]}
          >
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="subjectUnitIds"
          label={t('insp.subjects')}
          extra={t('insp.subjectsHint')}
          rules={[{ required: true, message: t('insp.subjects') }]}
        >
          <Select
            mode="multiple"
            loading={children.isFetching}
            optionFilterProp="label"
            options={(children.data ?? []).map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }))}
          />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              <span>{t('insp.team')}</span>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'fullName']}
                    rules={[{ required: true, min: 2, message: t('insp.memberName') }]}
                  >
                    <Input
                      placeholder={t('insp.memberName')}
                      aria-label={`${t('insp.memberName')} ${field.name + 1}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'position']}>
                    <Input
                      placeholder={t('insp.memberPosition')}
                      aria-label={`${t('insp.memberPosition')} ${field.name + 1}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} initialValue="member">
                    <Select
                      style={{ width: 160 }}
                      aria-label={`${t('insp.memberRole')} ${field.name + 1}`}
                      options={MEMBER_ROLES.map((role) => ({ value: role, label: labels.role(role) }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ fullName: '', role: 'member' })}>
                {t('insp.addMember')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

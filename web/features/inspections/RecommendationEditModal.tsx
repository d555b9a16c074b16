import { App, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { RECOMMENDATION_CATEGORIES, type RecommendationCategory } from '../../../common/inspections';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { changedFields, useVersionedEdit } from '../../lib/useVersionedEdit';
import { useInspection, useRecommendation, useUpdateRecommendation } from './api';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { messages } from './messages';
import type { RecommendationDetail } from './types';
import { useInspectionLabels } from './useInspectionLabels';

interface Values {
  text: string;
  category: RecommendationCategory;
  ownerUnitId: string;
  deadline: Dayjs;
}

const toValues = (r: RecommendationDetail): Values => ({
  text: r.text,
  category: r.category,
  ownerUnitId: r.ownerUnit.id,
  deadline: toDayjs(r.deadline)!,
});

/**
 * Edits a recommendation not yet done (the conducting unit's editors) from the version shown; the owner is one of the
 * inspection's subjects or the conducting unit, as when the conclusion was written. A 409 lists what changed.
 */
export function RecommendationEditModal({ item, onClose }: { item: RecommendationDetail; onClose: () => void }) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateRecommendation();
  const fresh = useRecommendation(item.id);
  const inspection = useInspection(item.inspection.id);
  const edit = useVersionedEdit({ record: item, form, refetch: fresh.refetch, toValues });
  const base = edit.base;
  const owners = [base.ownerUnit, ...(inspection.data?.subjects ?? []), base.inspection.conductingUnit]
    .filter((unit, index, all) => all.findIndex((other) => other.id === unit.id) === index)
    .map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }));

  const submit = async () => {
    const values = await form.validateFields();
    const next = {
      text: values.text.trim(),
      category: values.category,
      ownerUnitId: values.ownerUnitId,
      deadline: fromDayjs(values.deadline) ?? '',
    };
    const before = {
      text: base.text,
      category: base.category,
      ownerUnitId: base.ownerUnit.id,
      deadline: base.deadline,
    };
    const saved = await edit.save(() =>
      update.mutateAsync({ id: base.id, version: base.version, ...changedFields(next, before) }),
    );
    if (saved) {
      void message.success(t('common.saved'));
      onClose();
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('rec.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {edit.conflict && (
        <ConflictAlert title={t('conflict.title')} error={edit.conflict} onReload={() => void edit.reload()} />
      )}
      <Form<Values> name="recommendation-edit" form={form} layout="vertical" initialValues={toValues(item)}>
        <Form.Item
          name="text"
          label={t('rec.text')}
          rules={[{ required: true, whitespace: true, message: t('rec.text') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="category" label={t('rec.category')}>
          <Select options={RECOMMENDATION_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
        </Form.Item>
        <Flex wrap gap={8}>
          <Form.Item name="ownerUnitId" label={t('rec.owner')} style={{ flex: '1 1 260px' }}>
            <Select options={owners} loading={inspection.isFetching} />
          </Form.Item>
          <Form.Item name="deadline" label={t('rec.deadline')} rules={[{ required: true, message: t('rec.deadline') }]}>
            <DatePicker format={DATE_FORMAT} minDate={toDayjs(base.inspection.conclusionDate) ?? undefined} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

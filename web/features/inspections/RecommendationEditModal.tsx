import { App, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { RECOMMENDATION_CATEGORIES, type RecommendationCategory } from '../../../common/inspections';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
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
  const [base, setBase] = useState(item);
  const [conflict, setConflict] = useState<ApiError | null>(null);
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
    const changed = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => value !== before[key as keyof typeof before]),
    );
    setConflict(null);
    try {
      await update.mutateAsync({ id: base.id, version: base.version, ...changed });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
    }
  };

  const reload = async () => {
    const { data } = await fresh.refetch();
    if (data) {
      setBase(data);
      form.setFieldsValue(toValues(data));
    }
    setConflict(null);
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
      {conflict && <ConflictAlert title={t('conflict.title')} error={conflict} onReload={() => void reload()} />}
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

import { App, DatePicker, Flex, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { useAddRecommendations, useCloseInspection } from './api';
import { FormModal } from './FormModal';
import { messages } from './messages';
import { RecommendationFields, toNewRecommendations, type RecommendationValues } from './RecommendationFields';
import type { InspectionDetail } from './types';

interface Values {
  conclusionNumber: string;
  conclusionDate: Dayjs;
  actualEnd: Dayjs;
  strengths: string;
  shortcomings?: string;
  causes?: string;
  requirements?: string;
  recommendations?: RecommendationValues[];
}

const text = (label: string, isRequired = false) => ({
  label,
  rules: isRequired ? [{ required: true, whitespace: true, message: label }] : [],
});

/** conduct → closed: the conclusion notice and its recommendations. */
export function CloseModal({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const close = useCloseInspection();
  const today = toDayjs(todayIso()) ?? undefined;
  return (
    <FormModal<Values>
      name="close"
      open
      width={820}
      title={t('insp.close')}
      onClose={onClose}
      initialValues={{ actualEnd: today, conclusionDate: today }}
      onSubmit={async (values) => {
        const result = await close.mutateAsync({
          id: inspection.id,
          version: inspection.version,
          conclusionNumber: values.conclusionNumber,
          conclusionDate: fromDayjs(values.conclusionDate),
          actualEnd: fromDayjs(values.actualEnd),
          strengths: values.strengths,
          shortcomings: values.shortcomings,
          causes: values.causes,
          requirements: values.requirements,
          recommendations: toNewRecommendations(values.recommendations),
        });
        result.warnings.forEach((warning) => void message.warning(warning.message, 10));
      }}
    >
      <Flex wrap gap={16}>
        <Form.Item name="conclusionNumber" {...text(t('insp.conclusionNumber'), true)}>
          <Input maxLength={60} placeholder="78-TB/TU" />
        </Form.Item>
        <Form.Item
          name="conclusionDate"
          label={t('insp.conclusionDate')}
          rules={[{ required: true, message: t('insp.conclusionDate') }]}
        >
          <DatePicker format={DATE_FORMAT} maxDate={today} />
        </Form.Item>
        <Form.Item
          name="actualEnd"
          label={t('insp.actualEnd')}
          rules={[{ required: true, message: t('insp.actualEnd') }]}
        >
          <DatePicker format={DATE_FORMAT} maxDate={today} />
        </Form.Item>
      </Flex>
      <Form.Item name="strengths" {...text(t('insp.strengths'), true)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="shortcomings" {...text(t('insp.shortcomings'))}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="causes" {...text(t('insp.causes'))}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Form.Item name="requirements" {...text(t('insp.requirements'))}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <RecommendationFields inspection={inspection} />
    </FormModal>
  );
}

/** More recommendations of a closed inspection's conclusion. */
export function AddRecommendationsModal({
  inspection,
  onClose,
}: {
  inspection: InspectionDetail;
  onClose: () => void;
}) {
  const t = useMessages(messages);
  const add = useAddRecommendations();
  return (
    <FormModal<{ items?: RecommendationValues[] }>
      name="addRecommendations"
      open
      width={760}
      title={t('insp.addRecommendation')}
      onClose={onClose}
      initialValues={{ items: [{} as RecommendationValues] }}
      onSubmit={(values) => add.mutateAsync({ id: inspection.id, items: toNewRecommendations(values.items) })}
    >
      <RecommendationFields inspection={inspection} name="items" />
    </FormModal>
  );
}

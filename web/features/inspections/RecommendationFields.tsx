import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { RECOMMENDATION_CATEGORIES, type RecommendationCategory } from '../../../common/inspections';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs } from '../../lib/format';
import { messages } from './messages';
import type { InspectionDetail, NewRecommendation } from './types';
import { useInspectionLabels } from './useInspectionLabels';

export interface RecommendationValues {
  text: string;
  category: RecommendationCategory;
  ownerUnitId: string;
  deadline: Dayjs;
}

export const toNewRecommendations = (items: RecommendationValues[] | undefined): NewRecommendation[] =>
  (items ?? []).map((item) => ({ ...item, deadline: fromDayjs(item.deadline) ?? '' }));

/** The recommendations of a conclusion: text, category, the unit that must act, the deadline. */
export function RecommendationFields({
  inspection,
  name = 'recommendations',
}: {
  inspection: InspectionDetail;
  name?: string;
}) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const owners = [...inspection.subjects, inspection.conductingUnit].map((unit) => ({
    value: unit.id,
    label: unit.name,
  }));
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              title={`${t('insp.recommendations')} ${field.name + 1}`}
              extra={<MinusCircleOutlined onClick={() => remove(field.name)} />}
            >
              <Form.Item
                name={[field.name, 'text']}
                label={t('rec.text')}
                rules={[{ required: true, whitespace: true, message: t('rec.text') }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
              </Form.Item>
              <Flex wrap gap={8}>
                <Form.Item
                  name={[field.name, 'category']}
                  label={t('rec.category')}
                  initialValue="remedy_shortcoming"
                  style={{ minWidth: 240 }}
                >
                  <Select options={RECOMMENDATION_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'ownerUnitId']}
                  label={t('rec.owner')}
                  initialValue={owners[0]?.value}
                  style={{ minWidth: 220 }}
                >
                  <Select options={owners} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'deadline']}
                  label={t('rec.deadline')}
                  rules={[{ required: true, message: t('rec.deadline') }]}
                >
                  <DatePicker format={DATE_FORMAT} />
                </Form.Item>
              </Flex>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
            {t('insp.addRecommendation')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { durationWarning, INSPECTION_FORMS, INSPECTION_KINDS, MEMBER_ROLES } from '../../../common/inspections';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { messages } from './messages';
import { SubjectSelect } from './SubjectSelect';
import type { InspUnit, Member } from './types';
import { useInspectionLabels } from './useInspectionLabels';

export interface InspectionValues {
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

interface Props {
  year: number;
  conductingUnit: InspUnit;
  /** Subjects already chosen, shown by name (editing). */
  subjects?: InspUnit[];
  /** Subjects change only while preparing. */
  isSubjectLocked?: boolean;
}

/** The fields of an inspection, shared by creation and editing; the duration limit is checked as the dates change. */
export function InspectionFields({ year, conductingUnit, subjects, isSubjectLocked }: Props) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const form = Form.useFormInstance<InspectionValues>();
  const start = fromDayjs(Form.useWatch('plannedStart', form));
  const end = fromDayjs(Form.useWatch('plannedEnd', form));
  const warning =
    start && end && end >= start ? durationWarning(conductingUnit.kind, start, end, 'planned') : undefined;

  return (
    <>
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
            minDate={toDayjs(`${year}-01-01`) ?? undefined}
            maxDate={toDayjs(`${year}-12-31`) ?? undefined}
          />
        </Form.Item>
        <Form.Item
          name="plannedEnd"
          label={t('insp.plannedEnd')}
          rules={[{ required: true, message: t('insp.plannedEnd') }]}
        >
          <DatePicker format={DATE_FORMAT} minDate={toDayjs(start) ?? undefined} />
        </Form.Item>
      </Flex>
      {warning && (
        <Alert
          type="warning"
          showIcon
          data-testid="duration-warning"
          style={{ marginBottom: 16 }}
          title={t('common.warning')}
          description={warning.message}
        />
      )}
      <Form.Item
        name="subjectUnitIds"
        label={t('insp.subjects')}
        extra={isSubjectLocked ? t('insp.subjectsLocked') : t('insp.subjectsHint')}
        rules={[{ required: true, message: t('insp.subjects') }]}
      >
        <SubjectSelect
          under={conductingUnit.id}
          at={start ?? `${year}-01-01`}
          initial={subjects}
          isDisabled={isSubjectLocked}
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
                  <Input placeholder={t('insp.memberName')} aria-label={`${t('insp.memberName')} ${field.name + 1}`} />
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
    </>
  );
}

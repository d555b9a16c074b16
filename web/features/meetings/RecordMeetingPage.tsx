import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Result, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { formatDate, fromDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useCreateMeeting, useMeetingForm } from './api';
import { toMeetingInput, type MeetingFormValues } from './formValues';
import { MeetingFields } from './MeetingFields';
import { messages } from './messages';
import type { MeetingDetail } from './types';

const LAST_CELL_KEY = 'lantoa.meetings.cell';

/**
 * The secretary's page, made for a phone (360 px): the cell comes from the user's unit (or the last one chosen),
 * today's date, the cell's current theme and last roll pre-filled; one tap records the month's meeting.
 */
export function RecordMeetingPage() {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingFormValues>();
  const [cellId, setCellId] = useState<string | undefined>(() => localStorage.getItem(LAST_CELL_KEY) ?? undefined);
  const [date, setDate] = useState(todayIso());
  const [saved, setSaved] = useState<MeetingDetail | null>(null);
  const prefill = useMeetingForm(cellId, date);
  const create = useCreateMeeting();
  const data = prefill.data;
  const cell = data?.cell ?? null;

  // A remembered cell the user no longer records for: forget it and fall back to the choice.
  useEffect(() => {
    if (prefill.isError && cellId) {
      localStorage.removeItem(LAST_CELL_KEY);
      setCellId(undefined);
    }
  }, [prefill.isError, cellId]);

  // Pre-select the current theme and the last roll when the cell or the date changes.
  useEffect(() => {
    if (!data?.cell) {
      return;
    }
    const themeId = form.getFieldValue('themeId') as string | undefined;
    if (!themeId || !data.themes.some((theme) => theme.id === themeId)) {
      form.setFieldValue('themeId', data.themes[0]?.id);
    }
    if (form.getFieldValue('membersOnRoll') == null && data.lastMembersOnRoll != null) {
      form.setFieldValue('membersOnRoll', data.lastMembersOnRoll);
    }
  }, [data, form]);

  const choose = (id: string) => {
    localStorage.setItem(LAST_CELL_KEY, id);
    form.setFieldsValue({ membersOnRoll: undefined, present: undefined });
    setCellId(id);
  };

  const submit = async (values: MeetingFormValues) => {
    if (!cell) {
      return;
    }
    try {
      setSaved(await create.mutateAsync(toMeetingInput(cell.id, values)));
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
    }
  };

  if (saved) {
    return (
      <Card style={{ maxWidth: 560, margin: '0 auto' }}>
        <Result
          icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
          status="success"
          title={t('record.saved')}
          subTitle={t('record.savedDetail', {
            cell: saved.unit.name,
            date: formatDate(saved.meetingDate),
            present: saved.present,
            roll: saved.membersOnRoll,
          })}
          extra={
            <Flex vertical gap={8}>
              <Link to={`/meetings/${saved.id}`}>
                <Button block size="large" type="primary">
                  {t('record.attachMinutes')}
                </Button>
              </Link>
              <Button
                block
                size="large"
                onClick={() => {
                  form.resetFields(['present', 'absentReasons', 'contentSummary', 'conclusion']);
                  setSaved(null);
                }}
              >
                {t('record.another')}
              </Button>
            </Flex>
          }
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto', width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('record.title')}
      </Typography.Title>
      {!data && prefill.isLoading && <Skeleton active />}
      {data &&
        (data.cells.length === 0 ? (
          <Alert type="info" showIcon title={t('record.noCells')} />
        ) : (
          (data.cells.length > 1 || !cell) && (
            <Select
              size="large"
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('field.cell')}
              data-testid="record-cell"
              placeholder={t('record.chooseCell')}
              value={cell?.id}
              onChange={choose}
              options={data.cells.map((c) => ({
                value: c.id,
                label: c.parentName ? `${c.name} — ${c.parentName}` : c.name,
              }))}
            />
          )
        ))}
      {cell && (
        <Card size="small" title={<span data-testid="record-cell-name">{cell.name}</span>}>
          {data?.regularThisMonth && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('record.alreadyThisMonth', { date: formatDate(data.regularThisMonth.meetingDate) })}
              action={<Link to={`/meetings/${data.regularThisMonth.id}`}>{t('record.open')}</Link>}
            />
          )}
          <Form<MeetingFormValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ meetingDate: dayjs(todayIso()), type: 'regular', themeIncluded: true }}
            onValuesChange={(changed: Partial<MeetingFormValues>) => {
              if (changed.meetingDate) {
                setDate(fromDayjs(changed.meetingDate) ?? todayIso());
              }
            }}
            onFinish={submit}
          >
            <MeetingFields
              isLarge
              themes={data?.themes ?? []}
              disabledDate={(day) => day.isAfter(dayjs(todayIso()), 'day')}
            />
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block
              loading={create.isPending}
              style={{ marginTop: 8 }}
            >
              {t('record.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}

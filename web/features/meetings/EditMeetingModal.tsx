import { Alert, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayIso } from '../../../common/dates';
import { isApiError, type ApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { toDayjs } from '../../lib/format';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { useMeetingForm, useUpdateMeeting } from './api';
import { toMeetingInput, type MeetingFormValues } from './formValues';
import { MeetingFields } from './MeetingFields';
import { messages } from './messages';
import type { MeetingDetail } from './types';

/** Edits a meeting from the version shown; a 409 lists what another user changed meanwhile. */
export function EditMeetingModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const t = useMessages(messages);
  const [form] = Form.useForm<MeetingFormValues>();
  const [date, setDate] = useState(meeting.meetingDate);
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const prefill = useMeetingForm(meeting.unit.id, date);
  const update = useUpdateMeeting();
  const themes = [
    ...(prefill.data?.themes ?? []),
    ...(meeting.theme && !prefill.data?.themes.some((theme) => theme.id === meeting.theme!.id) ? [meeting.theme] : []),
  ];

  const submit = async (values: MeetingFormValues) => {
    setConflict(null);
    setFailure(null);
    try {
      const { unitId: _unitId, ...input } = toMeetingInput(meeting.unit.id, values);
      await update.mutateAsync({ id: meeting.id, version: meeting.version, ...input });
      onClose();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        setFailure(errorMessage(error));
      }
    }
  };

  return (
    <Modal
      open
      title={t('edit.title', { cell: meeting.unit.name })}
      okText={t('edit.save')}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="conflict"
          style={{ marginBottom: 12 }}
          title={conflict.message}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {conflict.details.map((detail) => (
                <li key={detail.path}>{detail.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form<MeetingFormValues>
        form={form}
        layout="vertical"
        initialValues={{
          meetingDate: toDayjs(meeting.meetingDate),
          type: meeting.type,
          themeIncluded: meeting.themeIncluded,
          themeId: meeting.theme?.id,
          membersOnRoll: meeting.membersOnRoll,
          present: meeting.present,
          absentReasons: meeting.absentReasons ?? undefined,
          contentSummary: meeting.contentSummary ?? undefined,
          conclusion: meeting.conclusion ?? undefined,
          chair: meeting.chair ?? undefined,
          secretary: meeting.secretary ?? undefined,
        }}
        onValuesChange={(changed: Partial<MeetingFormValues>) => {
          if (changed.meetingDate) {
            setDate(changed.meetingDate.format('YYYY-MM-DD'));
          }
        }}
        onFinish={submit}
      >
        <MeetingFields themes={themes} disabledDate={(day) => day.isAfter(dayjs(todayIso()), 'day')} />
      </Form>
    </Modal>
  );
}

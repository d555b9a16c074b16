import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { todayIso } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { useAddSession, useSelfReport, useStartInspection } from './api';
import { FormModal } from './FormModal';
import { messages } from './messages';
import type { InspectionDetail } from './types';

export type StepDialog =
  | { kind: 'edit' }
  | { kind: 'start' }
  | { kind: 'session' }
  | { kind: 'close' }
  | { kind: 'selfReport'; subjectId: string };

const dateRule = (message: string) => [{ required: true, message }];
const day = (value: Dayjs | undefined) => fromDayjs(value) ?? '';

/** prepare → conduct: the decision forming the team, the outline, the start. */
export function StartModal({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const start = useStartInspection();
  return (
    <FormModal<{ decisionNumber: string; decisionDate: Dayjs; outlineSentOn?: Dayjs; actualStart: Dayjs }>
      name="start"
      open
      title={t('insp.start')}
      okText={t('insp.start')}
      onClose={onClose}
      initialValues={{ actualStart: toDayjs(inspection.plannedStart) ?? undefined }}
      onSubmit={async (values) => {
        const result = await start.mutateAsync({
          id: inspection.id,
          version: inspection.version,
          decisionNumber: values.decisionNumber,
          decisionDate: day(values.decisionDate),
          outlineSentOn: fromDayjs(values.outlineSentOn) ?? null,
          actualStart: day(values.actualStart),
        });
        result.warnings.forEach((warning) => void message.warning(warning.message, 10));
      }}
    >
      <Form.Item
        name="decisionNumber"
        label={t('insp.decisionNumber')}
        rules={[{ required: true, whitespace: true, message: t('insp.decisionNumber') }]}
      >
        <Input maxLength={60} placeholder="45-QĐ/TU" />
      </Form.Item>
      <Form.Item name="decisionDate" label={t('insp.decisionDate')} rules={dateRule(t('insp.decisionDate'))}>
        <DatePicker format={DATE_FORMAT} maxDate={toDayjs(todayIso()) ?? undefined} />
      </Form.Item>
      <Form.Item name="outlineSentOn" label={t('insp.outlineSentOn')}>
        <DatePicker format={DATE_FORMAT} maxDate={toDayjs(todayIso()) ?? undefined} />
      </Form.Item>
      <Form.Item name="actualStart" label={t('insp.actualStart')} rules={dateRule(t('insp.actualStart'))}>
        <DatePicker format={DATE_FORMAT} maxDate={toDayjs(todayIso()) ?? undefined} />
      </Form.Item>
    </FormModal>
  );
}

/** A subject's self-inspection report, recorded by the subject unit or the team. */
export function SelfReportModal(props: { inspection: InspectionDetail; subjectId: string; onClose: () => void }) {
  const t = useMessages(messages);
  const save = useSelfReport();
  const subject = props.inspection.subjectReports.find((s) => s.id === props.subjectId);
  return (
    <FormModal<{ receivedOn: Dayjs; summary?: string }>
      name="selfReport"
      open
      title={`${t('insp.selfReport')}: ${subject?.unit.name ?? ''}`}
      onClose={props.onClose}
      initialValues={{
        receivedOn: toDayjs(subject?.selfReportReceivedOn ?? todayIso()) ?? undefined,
        summary: subject?.selfReportSummary ?? undefined,
      }}
      onSubmit={(values) =>
        save.mutateAsync({
          id: props.inspection.id,
          subjectId: props.subjectId,
          receivedOn: day(values.receivedOn),
          summary: values.summary,
        })
      }
    >
      <Form.Item name="receivedOn" label={t('insp.receivedOn')} rules={dateRule(t('insp.receivedOn'))}>
        <DatePicker format={DATE_FORMAT} maxDate={toDayjs(todayIso()) ?? undefined} />
      </Form.Item>
      <Form.Item name="summary" label={t('insp.summary')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormModal>
  );
}

/** A working session of the team with one of the subjects. */
export function SessionModal({ inspection, onClose }: { inspection: InspectionDetail; onClose: () => void }) {
  const t = useMessages(messages);
  const add = useAddSession();
  return (
    <FormModal<{ heldOn: Dayjs; subjectUnitId?: string; place?: string; summary: string }>
      name="session"
      open
      title={t('insp.addSession')}
      onClose={onClose}
      initialValues={{ heldOn: toDayjs(todayIso()) ?? undefined, subjectUnitId: inspection.subjects[0]?.id }}
      onSubmit={(values) => add.mutateAsync({ id: inspection.id, ...values, heldOn: day(values.heldOn) })}
    >
      <Form.Item name="heldOn" label={t('insp.heldOn')} rules={dateRule(t('insp.heldOn'))}>
        <DatePicker format={DATE_FORMAT} maxDate={toDayjs(todayIso()) ?? undefined} />
      </Form.Item>
      <Form.Item name="subjectUnitId" label={t('insp.sessionSubject')}>
        <Select allowClear options={inspection.subjects.map((unit) => ({ value: unit.id, label: unit.name }))} />
      </Form.Item>
      <Form.Item name="place" label={t('insp.place')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('insp.sessionSummary')}
        rules={[{ required: true, whitespace: true, message: t('insp.sessionSummary') }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormModal>
  );
}

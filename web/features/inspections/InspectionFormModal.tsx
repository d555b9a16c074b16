import { App, Form, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { ConflictAlert } from '../../lib/ConflictAlert';
import { fromDayjs, toDayjs } from '../../lib/format';
import { changedFields, useVersionedEdit } from '../../lib/useVersionedEdit';
import { useCreateInspection, useInspection, useUpdateInspection } from './api';
import { InspectionFields, type InspectionValues } from './InspectionFields';
import { messages } from './messages';
import type { InspectionDetail, PlanDetail } from './types';

type Props = { onClose: () => void } & (
  { plan: PlanDetail; inspection?: never } | { inspection: InspectionDetail; plan?: never }
);

function toInput(values: InspectionValues) {
  return {
    kind: values.kind,
    form: values.form,
    campaignId: values.campaignId ?? null,
    title: values.title.trim(),
    content: values.content?.trim() || null,
    plannedStart: fromDayjs(values.plannedStart) ?? '',
    plannedEnd: fromDayjs(values.plannedEnd) ?? '',
    subjectUnitIds: values.subjectUnitIds,
    members: (values.members ?? []).map((m) => ({
      fullName: m.fullName.trim(),
      position: m.position?.trim() || null,
      role: m.role,
    })),
  };
}
type Input = ReturnType<typeof toInput>;

function stored(inspection: InspectionDetail): Input {
  return {
    kind: inspection.kind,
    form: inspection.form,
    campaignId: inspection.campaign?.id ?? null,
    title: inspection.title,
    content: inspection.content,
    plannedStart: inspection.plannedStart,
    plannedEnd: inspection.plannedEnd,
    subjectUnitIds: inspection.subjects.map((unit) => unit.id),
    members: inspection.members.map((m) => ({ fullName: m.fullName, position: m.position, role: m.role })),
  };
}

function toValues(inspection: InspectionDetail): InspectionValues {
  const input = stored(inspection);
  return {
    ...input,
    campaignId: input.campaignId ?? undefined,
    content: input.content ?? undefined,
    plannedStart: toDayjs(input.plannedStart)!,
    plannedEnd: toDayjs(input.plannedEnd)!,
  };
}

/**
 * A new inspection or supervision in a plan, or an inspection edited from the version shown (a 409 lists what another
 * user changed meanwhile): subjects anywhere below the conducting unit, the team, the dates against the level's limit.
 */
export function InspectionFormModal({ plan, inspection, onClose }: Props) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<InspectionValues>();
  const create = useCreateInspection();
  const update = useUpdateInspection();
  const fresh = useInspection(inspection?.id ?? '', !!inspection);
  const edit = useVersionedEdit({ record: inspection, form, refetch: fresh.refetch, toValues });
  const base = edit.base;
  const year = base ? base.plan.year : plan!.year;
  const conductingUnit = base ? base.conductingUnit : plan!.unit;

  const submit = async () => {
    const input = toInput(await form.validateFields());
    const saved = await edit.save(() =>
      base
        ? update.mutateAsync({ id: base.id, version: base.version, ...changedFields(input, stored(base)) })
        : create.mutateAsync({ planId: plan!.id, ...input }),
    );
    if (!saved) {
      return;
    }
    saved.warnings.forEach((warning) => void message.warning(warning.message, 10));
    onClose();
    if (!base) {
      void navigate(`/inspections/${saved.id}`);
    } else {
      void message.success(t('common.saved'));
    }
  };

  return (
    <Modal
      open
      width={760}
      title={base ? t('insp.edit') : t('plans.addInspection')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {edit.conflict && (
        <ConflictAlert title={t('conflict.title')} error={edit.conflict} onReload={() => void edit.reload()} />
      )}
      <Form<InspectionValues>
        name="inspection"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          base
            ? toValues(base)
            : { kind: 'inspection', form: 'thematic', members: [{ fullName: '', position: null, role: 'head' }] }
        }
      >
        <InspectionFields
          year={year}
          conductingUnit={conductingUnit}
          subjects={base?.subjects}
          isSubjectLocked={!!base && base.step !== 'prepare'}
        />
      </Form>
    </Modal>
  );
}

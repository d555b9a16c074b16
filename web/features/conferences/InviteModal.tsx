import { App, Button, Flex, Form, InputNumber, Modal, Radio, Select, Tag } from 'antd';
import { useState } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../common/org-units';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import type { UnitRef } from '../auth/types';
import { UnitSelect } from '../models/UnitSelect';
import { useInvite } from './api';
import { messages } from './messages';

/** Invite units as bridge points: every unit of a kind under a unit (on the conference day), or one by one. */
export function InviteModal({
  conferenceId,
  day,
  open,
  onClose,
}: {
  conferenceId: string;
  day: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const invite = useInvite(conferenceId);
  const [mode, setMode] = useState<'kind' | 'list'>('kind');
  const [under, setUnder] = useState<string>();
  const [kind, setKind] = useState<string>('commune');
  const [expected, setExpected] = useState<number | null>(null);
  const [units, setUnits] = useState<UnitRef[]>([]);

  const submit = async () => {
    try {
      const result = await invite.mutateAsync({
        ...(mode === 'kind' ? { under: { unitId: under!, kind } } : { unitIds: units.map((u) => u.id) }),
        ...(expected !== null ? { expected } : {}),
      });
      void message.success(t('invite.done', { invited: result.invited, already: result.alreadyInvited }));
      setUnits([]);
      onClose();
    } catch (error) {
      void message.error(errorMessage(error), 6);
    }
  };

  return (
    <Modal
      open={open}
      title={t('invite.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={invite.isPending}
            disabled={mode === 'kind' ? !under : units.length === 0}
            onClick={submit}
            data-testid="invite-submit"
          >
            {t('invite.submit')}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Radio.Group
          value={mode}
          onChange={(event) => setMode(event.target.value as 'kind' | 'list')}
          options={[
            { value: 'kind', label: t('invite.byKind') },
            { value: 'list', label: t('invite.oneByOne') },
          ]}
        />
        {mode === 'kind' ? (
          <>
            <Form.Item label={t('invite.kind')} htmlFor="invite-kind" style={{ margin: 0 }}>
              <Select
                id="invite-kind"
                value={kind}
                onChange={setKind}
                options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] }))}
              />
            </Form.Item>
            <Form.Item label={t('invite.under')} htmlFor="invite-under" style={{ margin: 0 }}>
              <UnitSelect id="invite-under" value={under} onChange={(id) => setUnder(id)} at={day} />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t('invite.units')} htmlFor="invite-unit" style={{ margin: 0 }}>
            <UnitSelect
              id="invite-unit"
              at={day}
              value={undefined}
              onChange={(_id, unit) =>
                unit && setUnits((list) => (list.some((u) => u.id === unit.id) ? list : [...list, unit]))
              }
            />
            <Flex wrap gap={4} style={{ marginTop: 8 }}>
              {units.map((unit) => (
                <Tag key={unit.id} closable onClose={() => setUnits((list) => list.filter((u) => u.id !== unit.id))}>
                  {unit.name}
                </Tag>
              ))}
            </Flex>
          </Form.Item>
        )}
        <Form.Item label={t('invite.expected')} htmlFor="invite-expected" style={{ margin: 0 }}>
          <InputNumber id="invite-expected" min={0} value={expected} onChange={(v) => setExpected(v)} />
        </Form.Item>
      </Flex>
    </Modal>
  );
}

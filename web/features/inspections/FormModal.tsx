import { App, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';
import { messages } from './messages';

interface Props<V> {
  name: string;
  title: string;
  open: boolean;
  onClose: () => void;
  /** Sends the values; server field errors land under their fields, others in a toast. */
  onSubmit: (values: V) => Promise<unknown>;
  initialValues?: Partial<V>;
  okText?: string;
  isDanger?: boolean;
  width?: number;
  children: ReactNode;
}

/** The feature's dialogs share one shape: a vertical form, save/cancel, server errors on their fields. */
export function FormModal<V extends object>(props: Props<V>) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await props.onSubmit(values);
      void message.success(t('common.saved'));
      props.onClose();
    } catch (error) {
      if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
    }
  };
  return (
    <Modal
      open={props.open}
      width={props.width}
      title={props.title}
      okText={props.okText ?? t('common.save')}
      okButtonProps={{ danger: props.isDanger }}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<V> name={props.name} form={form} layout="vertical" preserve={false} initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Modal>
  );
}

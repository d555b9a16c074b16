import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

/** The people of a model (name and position), one row each; required for an individual example. */
export function PeopleFields({ isRequired }: { isRequired: boolean }) {
  const t = useMessages(messages);
  return (
    <Form.List
      name="people"
      rules={[
        {
          validator: async (_, people?: unknown[]) => {
            if (isRequired && (!people || people.length === 0)) {
              throw new Error(t('hint.people'));
            }
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('field.people')} extra={isRequired ? t('hint.people') : undefined} required={isRequired}>
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, min: 2, message: t('rule.name') }]}
                  style={{ flex: '1 1 180px', marginBottom: 0 }}
                >
                  <Input placeholder={t('field.personName')} aria-label={t('field.personName')} maxLength={120} />
                </Form.Item>
                <Form.Item name={[field.name, 'position']} style={{ flex: '1 1 160px', marginBottom: 0 }}>
                  <Input
                    placeholder={t('field.personPosition')}
                    aria-label={t('field.personPosition')}
                    maxLength={200}
                  />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('page.remove')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', position: '' })}>
              {t('form.addPerson')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}

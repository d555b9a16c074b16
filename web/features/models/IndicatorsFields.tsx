import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';

/** Measured results: indicator, value, unit ("Hộ thoát nghèo: 35 hộ"). */
export function IndicatorsFields() {
  const t = useMessages(messages);
  return (
    <Form.List name="indicators">
      {(fields, { add, remove }) => (
        <Form.Item label={t('field.indicators')}>
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'indicator']}
                  rules={[{ required: true, whitespace: true, message: t('rule.indicator') }]}
                  style={{ flex: '2 1 180px', marginBottom: 0 }}
                >
                  <Input placeholder={t('field.indicator')} aria-label={t('field.indicator')} maxLength={200} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'value']}
                  rules={[{ required: true, type: 'number', message: t('rule.value') }]}
                  style={{ flex: '1 1 100px', marginBottom: 0 }}
                >
                  <InputNumber
                    placeholder={t('field.value')}
                    aria-label={t('field.value')}
                    decimalSeparator=","
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} style={{ flex: '1 1 90px', marginBottom: 0 }}>
                  <Input placeholder={t('field.valueUnit')} aria-label={t('field.valueUnit')} maxLength={40} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('page.remove')} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
              {t('form.addIndicator')}
            </Button>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}

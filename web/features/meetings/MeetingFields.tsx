import { Collapse, DatePicker, Flex, Form, Input, InputNumber, Segmented, Select, Switch, Typography } from 'antd';
import { MEETING_TYPES } from '../../../common/meetings';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT } from '../../lib/format';
import { messages } from './messages';
import type { ThemeRef } from './types';

interface Props {
  themes: ThemeRef[];
  /** Big controls for a phone (the secretary's page). */
  isLarge?: boolean;
  disabledDate?: (day: import('dayjs').Dayjs) => boolean;
}

/**
 * The fields of a meeting, inside a Form whose names match the API (`meetingDate` as a Dayjs): date, type, theme,
 * roll and attendance first (what a secretary records in under a minute), the minutes' details folded below.
 */
export function MeetingFields({ themes, isLarge = false, disabledDate }: Props) {
  const t = useMessages(messages);
  const size = isLarge ? 'large' : 'middle';
  const form = Form.useFormInstance();
  const isThemeIncluded = Form.useWatch('themeIncluded', form) as boolean | undefined;
  const roll = Form.useWatch('membersOnRoll', form) as number | null | undefined;
  const present = Form.useWatch('present', form) as number | null | undefined;
  const absent = typeof roll === 'number' && typeof present === 'number' ? roll - present : null;
  const numberStyle = { width: '100%' };

  return (
    <>
      <Form.Item name="meetingDate" label={t('field.date')} rules={[{ required: true, message: t('rule.date') }]}>
        <DatePicker
          size={size}
          format={DATE_FORMAT}
          allowClear={false}
          disabledDate={disabledDate}
          style={numberStyle}
          inputReadOnly={isLarge}
        />
      </Form.Item>
      <Form.Item name="type" label={t('field.type')}>
        <Segmented
          block
          size={size}
          options={MEETING_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
        />
      </Form.Item>
      <Form.Item name="themeIncluded" label={t('field.themeIncluded')} valuePropName="checked">
        <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
      </Form.Item>
      {isThemeIncluded && (
        <Form.Item
          name="themeId"
          label={t('field.theme')}
          extra={themes.length === 0 ? t('hint.noTheme') : undefined}
          rules={[{ required: true, message: t('rule.theme') }]}
        >
          <Select
            data-testid="theme-select"
            size={size}
            options={themes.map((theme) => ({ value: theme.id, label: `${theme.code} — ${theme.title}` }))}
            optionRender={(option) => (
              <Typography.Text style={{ whiteSpace: 'normal' }}>{option.label}</Typography.Text>
            )}
            popupMatchSelectWidth
          />
        </Form.Item>
      )}
      <Flex gap={12}>
        <Form.Item
          name="membersOnRoll"
          label={t('field.membersOnRoll')}
          style={{ flex: 1 }}
          rules={[{ required: true, message: t('rule.roll') }]}
        >
          <InputNumber size={size} min={1} max={10000} inputMode="numeric" style={numberStyle} />
        </Form.Item>
        <Form.Item
          name="present"
          label={t('field.present')}
          style={{ flex: 1 }}
          rules={[
            { required: true, message: t('rule.present') },
            {
              validator: (_, value: number | null) =>
                typeof value === 'number' && typeof roll === 'number' && value > roll
                  ? Promise.reject(new Error(t('rule.presentWithinRoll', { present: value, roll })))
                  : Promise.resolve(),
            },
          ]}
          dependencies={['membersOnRoll']}
        >
          <InputNumber size={size} min={0} max={10000} inputMode="numeric" style={numberStyle} />
        </Form.Item>
      </Flex>
      {absent !== null && absent > 0 && (
        <Form.Item name="absentReasons" label={t('field.absentReasons', { count: absent })}>
          <Input.TextArea size={size} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('hint.absentReasons')} />
        </Form.Item>
      )}
      <Form.Item name="contentSummary" label={t('field.contentSummary')}>
        <Input.TextArea size={size} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'more',
            label: t('field.more'),
            forceRender: true,
            children: (
              <>
                <Form.Item name="conclusion" label={t('field.conclusion')}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                </Form.Item>
                <Form.Item name="chair" label={t('field.chair')}>
                  <Input size={size} />
                </Form.Item>
                <Form.Item name="secretary" label={t('field.secretary')}>
                  <Input size={size} />
                </Form.Item>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

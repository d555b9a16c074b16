import { App, Button, Card, Checkbox, DatePicker, Form, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { DATE_FORMAT, toDayjs } from '../../lib/format';
import { downloadInterimReview } from './api';
import { reportsMessages } from './messages';
import { ReportsTabs } from './ReportsTabs';

interface Values {
  unit: string;
  campaign: string;
  from: Dayjs;
  to: Dayjs;
  issue: boolean;
}

/** The interim-review report drafted straight from the records, as `lantoa report interim-review` writes it. */
export function InterimReviewPage() {
  const t = useMessages(reportsMessages);
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  const submit = async (values: Values) => {
    setBusy(true);
    try {
      await downloadInterimReview({
        unit: values.unit,
        campaign: values.campaign,
        from: values.from.format('YYYY-MM-DD'),
        to: values.to.format('YYYY-MM-DD'),
        issue: values.issue,
      });
    } catch (error) {
      void message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ReportsTabs />
      <Card style={{ maxWidth: 720 }}>
        <Typography.Paragraph>{t('interim.hint')}</Typography.Paragraph>
        <Form<Values>
          layout="vertical"
          onFinish={submit}
          initialValues={{
            unit: '96',
            campaign: '05-CT/TW',
            from: toDayjs('2016-05-15'),
            to: toDayjs('2019-08-20'),
            issue: false,
          }}
        >
          <Form.Item name="unit" label={t('interim.unit')} rules={[{ required: true, message: t('common.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="campaign"
            label={t('interim.campaign')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="from" label={t('interim.from')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="to" label={t('interim.to')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="issue" valuePropName="checked">
            <Checkbox>{t('interim.issue')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isBusy}>
            {t('interim.download')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Descriptions, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { ImportErrorsTable } from '../imports/ImportErrorsTable';
import { IMPORT_TEMPLATE_URL, useImportMeetings } from './api';
import { formatNumber } from './figuresFormat';
import { messages } from './messages';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** Upload of an XLSX/CSV of meetings (the models' import modal, adapted); a dry run writes nothing. */
export function ImportMeetingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useMessages(messages);
  const [file, setFile] = useState<File | null>(null);
  const [isDryRun, setDryRun] = useState(true);
  const upload = useImportMeetings();

  const close = () => {
    upload.reset();
    setFile(null);
    setDryRun(true);
    onClose();
  };
  const error = upload.error;
  const result = upload.data;

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={{ xs: '100%', md: 800 }}
      onCancel={close}
      destroyOnHidden
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <Button href={IMPORT_TEMPLATE_URL} icon={<DownloadOutlined />} download>
            {t('import.template')}
          </Button>
          <Flex gap={8}>
            <Button onClick={close}>{t('common.close')}</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate({ file, dryRun: isDryRun })}
            >
              {isDryRun ? t('import.check') : t('import.submit')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('import.hint')}
        </Typography.Paragraph>
        <Upload.Dragger
          accept={ACCEPT}
          maxCount={1}
          multiple={false}
          beforeUpload={(picked) => {
            setFile(picked);
            upload.reset();
            return false;
          }}
          onRemove={() => {
            setFile(null);
            upload.reset();
          }}
          fileList={file ? [{ uid: 'picked', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.formats')}</p>
        </Upload.Dragger>
        <Checkbox checked={isDryRun} onChange={(event) => setDryRun(event.target.checked)}>
          {t('import.dryRun')}
        </Checkbox>
        {error && (
          <>
            <Alert type="error" showIcon title={errorMessage(error)} />
            {isApiError(error) && error.details.length > 0 && <ImportErrorsTable details={error.details} />}
          </>
        )}
        {result && (
          <>
            <Alert
              type="success"
              showIcon
              title={
                result.dryRun
                  ? t('import.dryRunOk', { count: formatNumber(result.meetings) })
                  : t('import.done', { count: formatNumber(result.meetings) })
              }
            />
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label={t('import.regular')}>{formatNumber(result.regular)}</Descriptions.Item>
              <Descriptions.Item label={t('import.thematic')}>{formatNumber(result.thematic)}</Descriptions.Item>
              <Descriptions.Item label={t('import.themeIncluded')}>
                {formatNumber(result.themeIncluded)}
              </Descriptions.Item>
              <Descriptions.Item label={t('import.cells')}>{formatNumber(result.cells)}</Descriptions.Item>
              <Descriptions.Item label={t('import.period')}>
                {result.from ? `${formatDate(result.from)} – ${formatDate(result.to)}` : '—'}
              </Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Flex>
    </Modal>
  );
}

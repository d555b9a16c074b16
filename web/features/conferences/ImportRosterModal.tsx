import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { ImportErrorsTable } from '../imports/ImportErrorsTable';
import { ROSTER_TEMPLATE_URL, useImportRoster } from './api';
import { messages } from './messages';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** Upload of a roster file; a dry run checks and writes nothing; errors by row and column, as every import. */
export function ImportRosterModal({
  conferenceId,
  bridgeId,
  open,
  onClose,
}: {
  conferenceId: string;
  bridgeId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(messages);
  const [file, setFile] = useState<File | null>(null);
  const [isDryRun, setDryRun] = useState(true);
  const upload = useImportRoster(conferenceId, bridgeId);
  const close = () => {
    upload.reset();
    setFile(null);
    setDryRun(true);
    onClose();
  };
  const result = upload.data;
  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={{ xs: '100%', md: 760 }}
      onCancel={close}
      destroyOnHidden
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <Button href={ROSTER_TEMPLATE_URL} icon={<DownloadOutlined />}>
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
        {upload.error && (
          <>
            <Alert type="error" showIcon title={errorMessage(upload.error)} />
            {isApiError(upload.error) && upload.error.details.length > 0 && (
              <ImportErrorsTable details={upload.error.details} />
            )}
          </>
        )}
        {result && (
          <>
            <Alert
              type="success"
              showIcon
              title={
                result.dryRun
                  ? t('import.dryRunOk', { count: result.created })
                  : t('import.done', { count: result.created })
              }
            />
            <Table
              size="small"
              rowKey={(_, index) => String(index)}
              dataSource={result.items}
              pagination={result.items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: t('roster.name'), dataIndex: 'fullName' },
                { title: t('roster.category'), dataIndex: 'category' },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}

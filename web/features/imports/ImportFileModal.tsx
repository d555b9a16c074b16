import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Modal, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { ImportErrorsTable } from './ImportErrorsTable';
import { ImportProgressBar } from './ImportProgressBar';
import { messages } from './messages';
import { useImportUpload } from './useImportUpload';

export const IMPORT_ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

interface ImportFileModalProps<T extends { dryRun: boolean }> {
  open: boolean;
  onClose: () => void;
  title: string;
  hint: ReactNode;
  /** The import endpoint under /api/v1 (POST, multipart field `file`, `dryRun` query). */
  path: string;
  templateUrl: string;
  /** The success line: what was (or in a dry run would be) written. */
  summary: (result: T) => string;
  /** What to show under the success line (the first rows created, counts…). */
  details?: (result: T) => ReactNode;
  /** After a real (not dry-run) import: refresh the lists it changed. */
  onImported?: (result: T) => unknown;
}

/**
 * The one import dialog: pick an XLSX/CSV file, check it (dry run, the default) or import it, with the upload and the
 * server's row count as progress, the error report by row and column, and the result.
 */
export function ImportFileModal<T extends { dryRun: boolean }>(props: ImportFileModalProps<T>) {
  const { open, onClose, title, hint, path, templateUrl, summary, details, onImported } = props;
  const t = useMessages(messages);
  const [file, setFile] = useState<File | null>(null);
  const [isDryRun, setDryRun] = useState(true);
  const upload = useImportUpload<T>(path, (result) => (result.dryRun ? undefined : onImported?.(result)));

  const close = () => {
    upload.reset();
    setFile(null);
    setDryRun(true);
    onClose();
  };
  const { error, data: result, progress } = upload;

  return (
    <Modal
      open={open}
      title={title}
      width={{ xs: '100%', md: 800 }}
      onCancel={close}
      destroyOnHidden
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <Button href={templateUrl} icon={<DownloadOutlined />} download>
            {t('template')}
          </Button>
          <Flex gap={8}>
            <Button onClick={close}>{t('close')}</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={upload.isPending}
              onClick={() => file && upload.mutate({ file, query: { dryRun: isDryRun } })}
            >
              {isDryRun ? t('check') : t('submit')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {hint}
        </Typography.Paragraph>
        <Upload.Dragger
          accept={IMPORT_ACCEPT}
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
          <p className="ant-upload-text">{t('drop')}</p>
          <p className="ant-upload-hint">{t('formats')}</p>
        </Upload.Dragger>
        <Checkbox checked={isDryRun} onChange={(event) => setDryRun(event.target.checked)}>
          {t('dryRun')}
        </Checkbox>
        {upload.isPending && progress && <ImportProgressBar progress={progress} />}
        {error && (
          <>
            <Alert type="error" showIcon title={errorMessage(error)} />
            {isApiError(error) && error.details.length > 0 && <ImportErrorsTable details={error.details} />}
          </>
        )}
        {result && (
          <Flex vertical gap={8} data-testid="import-result">
            <Alert type="success" showIcon title={summary(result)} />
            {details?.(result)}
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}

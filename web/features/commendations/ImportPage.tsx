import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { IMPORT_TEMPLATE_URL, useImportCommendations, type ImportProgress } from './api';
import { ImportErrorsTable } from './ImportErrorsTable';
import { LevelCountsTable } from './LevelCountsTable';
import { messages } from './messages';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * Import of an XLSX/CSV file, one row per recipient: a dry run by default, the error report as a table (row, column,
 * error), then a confirmation that imports the checked file, with progress while it runs.
 */
export function ImportPage() {
  const t = useMessages(messages);
  const [file, setFile] = useState<File | null>(null);
  const [isDryRun, setDryRun] = useState(true);
  const [isSkipping, setSkipping] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const upload = useImportCommendations(setProgress);
  const result = upload.data;
  const error = upload.error;

  const run = (dryRun: boolean) => {
    if (file) {
      setProgress({ sent: 0 });
      upload.mutate({ file, dryRun, skipExisting: isSkipping }, { onSettled: () => setProgress(null) });
    }
  };
  const reset = () => {
    upload.reset();
    setProgress(null);
  };

  return (
    <Flex vertical gap={16}>
      <Link to="/commendations">
        <ArrowLeftOutlined /> {t('page.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('import.title')}
        </Typography.Title>
        <Button href={IMPORT_TEMPLATE_URL} icon={<DownloadOutlined />} download>
          {t('import.template')}
        </Button>
      </Flex>
      <Card size="small">
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
              reset();
              return false;
            }}
            onRemove={() => {
              setFile(null);
              reset();
            }}
            fileList={file ? [{ uid: 'picked', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.formats')}</p>
          </Upload.Dragger>
          <Flex wrap gap={16}>
            <Checkbox checked={isDryRun} onChange={(event) => setDryRun(event.target.checked)}>
              {t('import.dryRun')}
            </Checkbox>
            <Checkbox checked={isSkipping} onChange={(event) => setSkipping(event.target.checked)}>
              {t('import.skipExisting')}
            </Checkbox>
          </Flex>
          <div>
            <Button type="primary" disabled={!file} loading={upload.isPending} onClick={() => run(isDryRun)}>
              {isDryRun ? t('import.check') : t('import.submit')}
            </Button>
          </div>
          {upload.isPending && progress && (
            <Flex vertical gap={4} data-testid="import-progress">
              <Progress percent={Math.round(progress.sent * 100)} status="active" />
              <Typography.Text type="secondary">
                {progress.sent < 1
                  ? t('import.uploading', { percent: Math.round(progress.sent * 100) })
                  : t('import.processing')}
              </Typography.Text>
            </Flex>
          )}
          {error && (
            <>
              <Alert type="error" showIcon title={errorMessage(error)} />
              {isApiError(error) && error.details.length > 0 && <ImportErrorsTable details={error.details} />}
            </>
          )}
          {result && (
            <Flex vertical gap={8} data-testid="import-result">
              <Alert
                type="success"
                showIcon
                title={t(result.dryRun ? 'import.dryRunOk' : 'import.done', {
                  decisions: result.decisions,
                  recipients: result.recipients,
                })}
                description={
                  result.skipped.length > 0 ? t('import.skipped', { count: result.skipped.length }) : undefined
                }
              />
              <LevelCountsTable counts={result.byLevel} />
              {result.dryRun ? (
                <Alert
                  type="info"
                  title={t('import.confirm', { decisions: result.decisions, recipients: result.recipients })}
                  action={
                    <Button type="primary" onClick={() => run(false)}>
                      {t('import.confirmOk')}
                    </Button>
                  }
                />
              ) : (
                <Link to="/commendations">{t('import.toList')}</Link>
              )}
            </Flex>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}

import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { formatNumber } from '../../lib/format';
import { errorMessage } from '../../lib/serverErrors';
import { IMPORT_ACCEPT } from '../imports/ImportFileModal';
import { ImportErrorsTable } from '../imports/ImportErrorsTable';
import { ImportProgressBar } from '../imports/ImportProgressBar';
import { useImportUpload } from '../imports/useImportUpload';
import { commendationKeys, IMPORT_TEMPLATE_URL } from './api';
import { ImportedDecisionsList } from './ImportedDecisionsList';
import { LevelCountsTable } from './LevelCountsTable';
import { messages } from './messages';
import type { ImportResult } from './types';

/**
 * Import of an XLSX/CSV file, one row per recipient: a dry run by default, the error report as a table (row, column,
 * error), then a confirmation that imports the checked file, with progress while it runs.
 */
export function ImportPage() {
  const t = useMessages(messages);
  const [file, setFile] = useState<File | null>(null);
  const [isDryRun, setDryRun] = useState(true);
  const [isSkipping, setSkipping] = useState(false);
  const queryClient = useQueryClient();
  const upload = useImportUpload<ImportResult>('/commendations/import', (imported) =>
    imported.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: commendationKeys.all }),
  );
  const { data: result, error, progress } = upload;

  const run = (dryRun: boolean) => {
    if (file) {
      upload.mutate({ file, query: { dryRun, skipExisting: isSkipping } });
    }
  };
  const reset = () => upload.reset();

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
            accept={IMPORT_ACCEPT}
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
          {upload.isPending && progress && <ImportProgressBar progress={progress} />}
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
                  decisions: formatNumber(result.decisions),
                  recipients: formatNumber(result.recipients),
                })}
                description={
                  result.skipped.length > 0 ? t('import.skipped', { count: result.skipped.length }) : undefined
                }
              />
              <LevelCountsTable counts={result.byLevel} />
              <ImportedDecisionsList result={result} />
              {result.dryRun ? (
                <Alert
                  type="info"
                  title={t('import.confirm', {
                    decisions: formatNumber(result.decisions),
                    recipients: formatNumber(result.recipients),
                  })}
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

import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Spin, Typography, Upload } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { useDeleteDocument, useDocuments, useUploadDocument } from './api';
import { DocumentRow } from './DocumentRow';
import { messages } from './messages';
import type { DocumentSummary } from './types';

export interface DocumentsPanelProps {
  /** The kind of record, as registered on the server (`campaign`, `study_theme`, `commendation_decision`, `model`…). */
  entityType: string;
  entityId: string;
  /**
   * Whether the host page lets the user attach and remove files. The server's own answer for the record is honoured
   * as well, so leaving this true never shows buttons that would fail.
   */
  canEdit?: boolean;
}

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp';

/** Files attached to one record: list, download, view, and (for editors) upload and remove. */
export function DocumentsPanel({ entityType, entityId, canEdit = true }: DocumentsPanelProps) {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const documents = useDocuments(entityType, entityId);
  const upload = useUploadDocument(entityType, entityId);
  const remove = useDeleteDocument(entityType, entityId);
  const isEditable = canEdit && documents.data?.abilities.canEdit === true;

  const send = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('tooLarge', { name: file.name }), 6);
      return;
    }
    try {
      const saved = await upload.mutateAsync({ file });
      void message.success(t('uploaded', { name: saved.fileName }));
    } catch (error) {
      void message.error(errorMessage(error), 8);
    }
  };

  const drop = async (document: DocumentSummary) => {
    try {
      await remove.mutateAsync(document.id);
      void message.success(t('deleted', { name: document.fileName }));
    } catch (error) {
      void message.error(errorMessage(error), 6);
    }
  };

  if (documents.isError) {
    return <Alert type="error" showIcon title={errorMessage(documents.error)} />;
  }
  return (
    <Flex vertical gap={12} data-testid="documents-panel">
      {isEditable && (
        <Flex gap={8} align="center" wrap>
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {upload.isPending ? t('uploading') : t('upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        </Flex>
      )}
      {documents.isPending ? (
        <Spin />
      ) : documents.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('empty')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {documents.data.items.map((document) => (
            <DocumentRow
              key={document.id}
              document={document}
              isEditable={isEditable}
              onDelete={() => drop(document)}
            />
          ))}
        </ul>
      )}
    </Flex>
  );
}

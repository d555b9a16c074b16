import {
  DeleteOutlined,
  DownloadOutlined,
  EyeOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import { Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { formatDateTime } from '../../lib/format';
import { documentUrl } from './api';
import { messages } from './messages';
import type { DocumentSummary } from './types';

const SIZE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${SIZE.format(bytes)} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${SIZE.format(bytes / 1024)} KB`;
  }
  return `${SIZE.format(bytes / 1024 / 1024)} MB`;
}

function FileIcon({ mimeType }: { mimeType: string }) {
  if (mimeType === 'application/pdf') {
    return <FilePdfOutlined style={{ color: '#cf1322' }} />;
  }
  if (mimeType.startsWith('image/')) {
    return <FileImageOutlined style={{ color: '#389e0d' }} />;
  }
  if (mimeType.includes('wordprocessingml')) {
    return <FileWordOutlined style={{ color: '#1d39c4' }} />;
  }
  if (mimeType.includes('spreadsheetml')) {
    return <FileExcelOutlined style={{ color: '#237804' }} />;
  }
  return <FileOutlined />;
}

interface Props {
  document: DocumentSummary;
  isEditable: boolean;
  onDelete: () => Promise<void>;
}

/** One attached file: icon, name (a download link), size and who attached it when; view, download, remove. */
export function DocumentRow({ document, isEditable, onDelete }: Props) {
  const t = useMessages(messages);
  const canView = document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/');
  return (
    <li style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Flex gap={8} align="flex-start" justify="space-between" wrap>
        <Flex gap={8} align="flex-start" style={{ minWidth: 0, flex: '1 1 220px' }}>
          <span style={{ fontSize: 18, lineHeight: '22px' }}>
            <FileIcon mimeType={document.mimeType} />
          </span>
          <Flex vertical style={{ minWidth: 0 }}>
            <a href={documentUrl(document.id)} style={{ wordBreak: 'break-word' }}>
              {document.title || document.fileName}
            </a>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {document.title ? `${document.fileName} · ` : ''}
              {formatSize(document.sizeBytes)}
              {' · '}
              {t('by', { name: document.createdBy?.fullName ?? '—', date: formatDateTime(document.createdAt) })}
            </Typography.Text>
          </Flex>
        </Flex>
        <Flex gap={4}>
          {canView && (
            <Tooltip title={t('view')}>
              <Button
                size="small"
                type="text"
                icon={<EyeOutlined />}
                aria-label={t('view')}
                href={documentUrl(document.id, 'inline')}
                target="_blank"
                rel="noopener"
              />
            </Tooltip>
          )}
          <Tooltip title={t('download')}>
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              aria-label={t('download')}
              href={documentUrl(document.id)}
            />
          </Tooltip>
          {isEditable && (
            <Popconfirm
              title={t('deleteConfirm', { name: document.fileName })}
              okText={t('delete')}
              cancelText={t('cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onDelete}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('delete')} />
            </Popconfirm>
          )}
        </Flex>
      </Flex>
    </li>
  );
}

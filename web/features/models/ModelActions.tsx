import { CheckCircleOutlined, EditOutlined, InboxOutlined, ShareAltOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { ModelDetail } from './types';

export type ModelDialog = 'edit' | 'recognise' | 'replicate' | 'archive';

/** The buttons the server's abilities allow, each opening its dialog. */
export function ModelActions({ model, onOpen }: { model: ModelDetail; onOpen: (dialog: ModelDialog) => void }) {
  const t = useMessages(messages);
  const { abilities } = model;
  return (
    <Flex wrap gap={8}>
      {abilities.canEdit && (
        <Button icon={<EditOutlined />} onClick={() => onOpen('edit')}>
          {t('action.edit')}
        </Button>
      )}
      {abilities.canRecognise && (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => onOpen('recognise')}>
          {t('action.recognise')}
        </Button>
      )}
      {abilities.canReplicate && (
        <Button type="primary" ghost icon={<ShareAltOutlined />} onClick={() => onOpen('replicate')}>
          {t('action.replicate')}
        </Button>
      )}
      {abilities.canArchive && (
        <Button danger icon={<InboxOutlined />} onClick={() => onOpen('archive')}>
          {t('action.archive')}
        </Button>
      )}
    </Flex>
  );
}

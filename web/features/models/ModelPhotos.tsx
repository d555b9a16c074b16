import { Flex, Image, Typography } from 'antd';
import { useMessages } from '../../i18n/useMessages';
import { documentUrl, useDocuments } from '../documents/api';
import { messages } from './messages';

const SIZE = 112;

/** The photos attached to a model, as thumbnails that open larger; other files are in the documents list. */
export function ModelPhotos({ modelId }: { modelId: string }) {
  const t = useMessages(messages);
  const documents = useDocuments('model', modelId);
  const photos = (documents.data?.items ?? []).filter((document) => document.mimeType.startsWith('image/'));
  if (photos.length === 0) {
    return <Typography.Text type="secondary">{t('page.noPhotos')}</Typography.Text>;
  }
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={8} data-testid="model-photos">
        {photos.map((photo) => (
          <Image
            key={photo.id}
            src={documentUrl(photo.id, 'inline')}
            alt={photo.title ?? photo.fileName}
            width={SIZE}
            height={SIZE}
            style={{ objectFit: 'cover', borderRadius: 6 }}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

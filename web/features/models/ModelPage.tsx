import { Alert, Breadcrumb, Button, Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useModel } from './api';
import { ArchiveModal } from './ArchiveModal';
import { messages } from './messages';
import { ModelActions, type ModelDialog } from './ModelActions';
import { ModelFormModal } from './ModelFormModal';
import { ModelInfo } from './ModelInfo';
import { ModelPeople } from './ModelPeople';
import { ModelPhotos } from './ModelPhotos';
import { ModelResults } from './ModelResults';
import { ModelTimeline } from './ModelTimeline';
import { RecogniseModal } from './RecogniseModal';
import { ReplicateModal } from './ReplicateModal';
import { ReplicationsList } from './ReplicationsList';
import { StatusTag } from './StatusTag';
import { useModelLabels } from './useModelLabels';

/** One model: details, people, results, photos and evidence, replicating units, timeline and its actions. */
export function ModelPage() {
  const t = useMessages(messages);
  const labels = useModelLabels();
  const { id = '' } = useParams();
  const detail = useModel(id);
  const [dialog, setDialog] = useState<ModelDialog | null>(null);

  if (detail.isPending) {
    return <Spin />;
  }
  if (detail.isError) {
    if (isApiError(detail.error, 'NOT_FOUND') || isApiError(detail.error, 'VALIDATION_FAILED')) {
      return <NotFoundPage />;
    }
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(detail.error)}
        action={<Button onClick={() => void detail.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const model = detail.data;
  const close = () => setDialog(null);
  const isReadOnly = !Object.values(model.abilities).some(Boolean);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/models">{t('common.back')}</Link> },
          { key: model.id, title: model.title },
        ]}
      />
      <Flex vertical gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {model.title}
        </Typography.Title>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Flex wrap gap={4} align="center">
            <StatusTag status={model.status} />
            <Tag>{labels.kind(model.kind)}</Tag>
            <Tag>{labels.field(model.field)}</Tag>
            {isReadOnly && <Tag>{t('page.readOnly')}</Tag>}
          </Flex>
          <ModelActions model={model} onOpen={setDialog} />
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('page.details')}>
              <ModelInfo model={model} />
            </Card>
            {model.people.length > 0 && (
              <Card size="small" title={t('page.people')}>
                <ModelPeople people={model.people} />
              </Card>
            )}
            <Card size="small" title={t('page.results')}>
              <ModelResults model={model} />
            </Card>
            <Card size="small" title={t('page.photos')}>
              <ModelPhotos modelId={model.id} />
            </Card>
            <Card size="small" title={t('page.replications')}>
              <ReplicationsList model={model} />
            </Card>
            <Card size="small" title={t('page.documents')}>
              <DocumentsPanel entityType="model" entityId={model.id} canEdit={model.abilities.canEdit} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('page.timeline')}>
            <ModelTimeline model={model} />
          </Card>
        </Col>
      </Row>
      <ModelFormModal open={dialog === 'edit'} model={model} onClose={close} />
      <RecogniseModal open={dialog === 'recognise'} model={model} onClose={close} />
      <ReplicateModal open={dialog === 'replicate'} model={model} onClose={close} />
      <ArchiveModal open={dialog === 'archive'} model={model} onClose={close} />
    </Flex>
  );
}

import { Alert, Breadcrumb, Button, Card, Col, Flex, Row, Spin, Steps, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { INSPECTION_STEPS } from '../../../common/inspections';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useInspection } from './api';
import { AddRecommendationsModal, CloseModal } from './CloseModal';
import { InspectionFormModal } from './InspectionFormModal';
import { InspectionInfo } from './InspectionInfo';
import { InspectionParts } from './InspectionParts';
import { messages } from './messages';
import { RecommendationDrawer } from './RecommendationDrawer';
import { RecommendationsTable } from './RecommendationsTable';
import { SelfReportModal, SessionModal, StartModal, type StepDialog } from './StepModals';
import { useInspectionLabels } from './useInspectionLabels';

const STEP_DOCUMENTS = {
  prepare: 'inspection_prepare',
  conduct: 'inspection_conduct',
  closed: 'inspection_close',
} as const;

/** One inspection or supervision, step by step: prepare → conduct → closed, with its documents at each step. */
export function InspectionPage() {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const { id = '' } = useParams();
  const detail = useInspection(id);
  const [dialog, setDialog] = useState<StepDialog | null>(null);
  const [openRecommendation, setOpenRecommendation] = useState<string>();

  if (detail.isPending) {
    return <Spin />;
  }
  if (detail.isError) {
    return isApiError(detail.error, 'NOT_FOUND') ? (
      <NotFoundPage />
    ) : (
      <Alert type="error" title={errorMessage(detail.error)} />
    );
  }
  const inspection = detail.data;
  const a = inspection.abilities;
  const close = () => setDialog(null);
  const current = INSPECTION_STEPS.indexOf(inspection.step);
  const isReadOnly = !Object.values(a).some(Boolean);

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'plans', title: <Link to="/inspections">{t('nav.plans')}</Link> },
          { key: 'plan', title: <Link to={`/inspections/plans/${inspection.plan.id}`}>{inspection.plan.title}</Link> },
          { key: 'this', title: inspection.title },
        ]}
      />
      <Flex vertical gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {inspection.title}
        </Typography.Title>
        <Flex wrap gap={8} justify="space-between" align="center">
          <Flex wrap gap={4}>
            <Tag color="geekblue">{labels.kind(inspection.kind)}</Tag>
            <Tag>{labels.form(inspection.form)}</Tag>
            {inspection.campaign && <Tag>{inspection.campaign.code}</Tag>}
            {isReadOnly && <Tag>{t('common.readOnly')}</Tag>}
          </Flex>
          <Flex wrap gap={8}>
            {a.canEdit && <Button onClick={() => setDialog({ kind: 'edit' })}>{t('insp.edit')}</Button>}
            {a.canStart && (
              <Button type="primary" onClick={() => setDialog({ kind: 'start' })}>
                {t('insp.start')}
              </Button>
            )}
            {a.canAddSession && <Button onClick={() => setDialog({ kind: 'session' })}>{t('insp.addSession')}</Button>}
            {a.canClose && (
              <Button type="primary" onClick={() => setDialog({ kind: 'close' })}>
                {t('insp.close')}
              </Button>
            )}
            {a.canAddRecommendation && (
              <Button onClick={() => setDialog({ kind: 'close' })}>{t('insp.addRecommendation')}</Button>
            )}
          </Flex>
        </Flex>
      </Flex>
      {inspection.step === 'prepare' && inspection.plan.status !== 'approved' && (
        <Alert type="info" showIcon title={t('insp.planNotApproved')} />
      )}
      {inspection.warnings.map((warning) => (
        <Alert key={warning.dates} type="warning" showIcon title={t('common.warning')} description={warning.message} />
      ))}
      <Card size="small">
        <Steps
          current={inspection.step === 'closed' ? 3 : current}
          items={INSPECTION_STEPS.map((step) => ({
            title: labels.step(step),
            description: t(
              step === 'prepare' ? 'insp.stepPrepare' : step === 'conduct' ? 'insp.stepConduct' : 'insp.stepClosed',
            ),
          }))}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <InspectionInfo inspection={inspection} />
            <InspectionParts
              inspection={inspection}
              onSelfReport={(subjectId) => setDialog({ kind: 'selfReport', subjectId })}
            />
            {inspection.step === 'closed' && (
              <Card size="small" title={t('insp.recommendations')}>
                <RecommendationsTable
                  items={inspection.recommendations}
                  onOpen={setOpenRecommendation}
                  hideInspection
                />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('insp.documents')}>
            <Tabs
              key={inspection.step}
              defaultActiveKey={inspection.step}
              items={INSPECTION_STEPS.map((step) => ({
                key: step,
                label: labels.step(step),
                children: (
                  <DocumentsPanel
                    entityType={STEP_DOCUMENTS[step]}
                    entityId={inspection.id}
                    canEdit={a.canEdit || a.canAddRecommendation}
                  />
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {dialog?.kind === 'edit' && <InspectionFormModal inspection={inspection} onClose={close} />}
      {dialog?.kind === 'start' && <StartModal inspection={inspection} onClose={close} />}
      {dialog?.kind === 'session' && <SessionModal inspection={inspection} onClose={close} />}
      {dialog?.kind === 'selfReport' && (
        <SelfReportModal inspection={inspection} subjectId={dialog.subjectId} onClose={close} />
      )}
      {dialog?.kind === 'close' &&
        (inspection.step === 'closed' ? (
          <AddRecommendationsModal inspection={inspection} onClose={close} />
        ) : (
          <CloseModal inspection={inspection} onClose={close} />
        ))}
      <RecommendationDrawer id={openRecommendation} onClose={() => setOpenRecommendation(undefined)} />
    </Flex>
  );
}

import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { formatDateVi } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { errorMessage } from '../../lib/serverErrors';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useDeleteSession } from './api';
import { messages } from './messages';
import type { InspectionDetail } from './types';
import { useInspectionLabels } from './useInspectionLabels';
import { UnitName } from './UnitName';

/** The team, the subjects with their self-inspection reports, and the working sessions. */
export function InspectionParts(props: { inspection: InspectionDetail; onSelfReport: (subjectId: string) => void }) {
  const t = useMessages(messages);
  const labels = useInspectionLabels();
  const { inspection } = props;
  const { message } = App.useApp();
  const deleteSession = useDeleteSession();
  // The server deletes sessions for the conducting unit's editors while the inspection is being conducted.
  const canDeleteSession = inspection.abilities.canAddSession;
  const onDeleteSession = async (sessionId: string) => {
    try {
      await deleteSession.mutateAsync({ id: inspection.id, sessionId });
      void message.success(t('insp.deleted'));
    } catch (error) {
      void message.error(errorMessage(error), 8);
    }
  };
  return (
    <>
      <Card size="small" title={t('insp.team')}>
        <Table
          rowKey={(member) => member.id ?? member.fullName}
          size="small"
          pagination={false}
          dataSource={inspection.members}
          columns={[
            { key: 'name', title: t('insp.memberName'), dataIndex: 'fullName' },
            { key: 'position', title: t('insp.memberPosition'), render: (_, m) => m.position ?? '' },
            { key: 'role', title: t('insp.memberRole'), render: (_, m) => labels.role(m.role) },
          ]}
        />
      </Card>
      <Card size="small" title={t('insp.subjects')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={inspection.subjectReports}
          expandable={{
            rowExpandable: (subject) => !!subject.selfReportReceivedOn,
            expandedRowRender: (subject) => (
              <>
                {subject.selfReportSummary && <Typography.Paragraph>{subject.selfReportSummary}</Typography.Paragraph>}
                <DocumentsPanel
                  entityType="inspection_self_report"
                  entityId={subject.id}
                  canEdit={subject.canWriteSelfReport}
                />
              </>
            ),
          }}
          columns={[
            { key: 'unit', title: t('insp.subjects'), render: (_, s) => <UnitName unit={s.unit} /> },
            {
              key: 'report',
              title: t('insp.selfReport'),
              render: (_, s) =>
                s.selfReportReceivedOn ? (
                  <Tag color="green">{`${t('insp.receivedOn')} ${formatDateVi(s.selfReportReceivedOn)}`}</Tag>
                ) : (
                  <Tag>{t('insp.notReceived')}</Tag>
                ),
            },
            {
              key: 'action',
              width: 170,
              render: (_, s) =>
                s.canWriteSelfReport && (
                  <Button size="small" onClick={() => props.onSelfReport(s.id)}>
                    {t('insp.selfReportWrite')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {inspection.step !== 'prepare' && (
        <Card size="small" title={t('insp.sessions')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            locale={{ emptyText: t('insp.noSessions') }}
            dataSource={inspection.sessions}
            columns={[
              { key: 'heldOn', title: t('insp.heldOn'), width: 120, render: (_, s) => formatDateVi(s.heldOn) },
              { key: 'subject', title: t('insp.sessionSubject'), render: (_, s) => s.subjectUnit?.name ?? '' },
              { key: 'place', title: t('insp.place'), render: (_, s) => s.place ?? '' },
              { key: 'summary', title: t('insp.sessionSummary'), dataIndex: 'summary' },
              ...(canDeleteSession
                ? [
                    {
                      key: 'delete',
                      width: 80,
                      render: (_: unknown, s: InspectionDetail['sessions'][number]) => (
                        <Popconfirm
                          title={t('insp.deleteSessionConfirm')}
                          okText={t('common.delete')}
                          okButtonProps={{ danger: true }}
                          cancelText={t('common.cancel')}
                          onConfirm={() => onDeleteSession(s.id)}
                        >
                          <Button size="small" danger type="link">
                            {t('insp.deleteSession')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </>
  );
}

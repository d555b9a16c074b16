import { Card, Descriptions, Typography } from 'antd';
import { formatDateVi } from '../../../common/dates';
import { useMessages } from '../../i18n/useMessages';
import { messages } from './messages';
import type { InspectionDetail } from './types';
import { UnitName } from './UnitName';

const range = (from: string | null, to: string | null) =>
  from ? `${formatDateVi(from)} – ${to ? formatDateVi(to) : '…'}` : '—';

/** The inspection's record: who conducts, dates, decision, and, once closed, the conclusion notice. */
export function InspectionInfo({ inspection }: { inspection: InspectionDetail }) {
  const t = useMessages(messages);
  return (
    <>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'unit',
              label: t('insp.conducting'),
              children: <UnitName unit={inspection.conductingUnit} />,
            },
            { key: 'plan', label: t('insp.plan'), children: `${inspection.plan.title} (${inspection.plan.year})` },
            {
              key: 'planned',
              label: t('insp.planned'),
              children: range(inspection.plannedStart, inspection.plannedEnd),
            },
            { key: 'actual', label: t('insp.actual'), children: range(inspection.actualStart, inspection.actualEnd) },
            {
              key: 'decision',
              label: t('insp.decision'),
              children: inspection.decisionNumber
                ? `${inspection.decisionNumber}, ${formatDateVi(inspection.decisionDate)}`
                : '—',
            },
            { key: 'outline', label: t('insp.outlineSentOn'), children: formatDateVi(inspection.outlineSentOn) || '—' },
            { key: 'content', label: t('insp.content'), span: 2, children: inspection.content ?? '—' },
          ]}
        />
      </Card>
      {inspection.step === 'closed' && (
        <Card
          size="small"
          title={`${t('insp.conclusion')} ${inspection.conclusionNumber ?? ''}, ${formatDateVi(inspection.conclusionDate)}`}
        >
          <Descriptions
            size="small"
            column={1}
            items={(['strengths', 'shortcomings', 'causes', 'requirements'] as const).map((key) => ({
              key,
              label: t(`insp.${key}`),
              children: (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {inspection[key] ?? '—'}
                </Typography.Paragraph>
              ),
            }))}
          />
        </Card>
      )}
    </>
  );
}

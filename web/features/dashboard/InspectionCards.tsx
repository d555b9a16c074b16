import { Card, Col, Flex, Typography } from 'antd';
import {
  INSPECTION_FORMS,
  INSPECTION_FORM_LABELS,
  INSPECTION_KINDS,
  INSPECTION_KIND_LABELS,
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_STATUS_LABELS,
} from '../../../common/inspections';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { FigureLink } from './FigureLink';
import { messages } from './messages';
import type { FigurePart, Overview } from './types';

interface Props {
  overview: Overview;
  onOpen: (part: FigurePart) => void;
}

/**
 * Inspections and supervisions by kind × form, and the recommendations due in the period by status with those overdue
 * today; every number opens its records. Two cards, side by side in the headline row.
 */
export function InspectionCards({ overview: o, onOpen }: Props) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const inspectionsLabel = t('figure.inspections');
  const recommendationsLabel = t('figure.recommendations');
  const r = o.recommendations;
  return (
    <>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('card.inspections')} data-testid="card-inspections" style={{ height: '100%' }}>
          <div className="dashboard-headline">
            <div className="dashboard-headline-title">{t('card.total')}</div>
            <div className="dashboard-headline-value">
              <FigureLink
                strong
                testId="figure-inspections-total"
                value={o.inspections.total}
                onOpen={() => onOpen({ figure: 'inspections', label: inspectionsLabel })}
              />
            </div>
          </div>
          <table className="dashboard-table" style={{ marginTop: 12 }} data-testid="inspections-table">
            <thead>
              <tr>
                <th />
                {INSPECTION_FORMS.map((form) => (
                  <th key={form} className="number">
                    {INSPECTION_FORM_LABELS[form][lang]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {INSPECTION_KINDS.map((kind) => (
                <tr key={kind}>
                  <td>{INSPECTION_KIND_LABELS[kind][lang]}</td>
                  {INSPECTION_FORMS.map((form) => (
                    <td key={form} className="number">
                      <FigureLink
                        testId={`figure-inspections-${kind}-${form}`}
                        value={o.inspections.byKind[kind][form]}
                        onOpen={() =>
                          onOpen({
                            figure: 'inspections',
                            inspectionKind: kind,
                            form,
                            label: `${inspectionsLabel} — ${INSPECTION_KIND_LABELS[kind][lang].toLowerCase()}, ${INSPECTION_FORM_LABELS[form][lang].toLowerCase()}`,
                          })
                        }
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={t('card.recommendations')}
          data-testid="card-recommendations"
          style={{ height: '100%' }}
        >
          <Flex gap={32} wrap style={{ marginBottom: 12 }}>
            <div className="dashboard-headline">
              <div className="dashboard-headline-title">{t('card.total')}</div>
              <div className="dashboard-headline-value">
                <FigureLink
                  strong
                  testId="figure-recommendations-total"
                  value={r.total}
                  onOpen={() => onOpen({ figure: 'recommendations', label: recommendationsLabel })}
                />
              </div>
            </div>
            <div className="dashboard-headline">
              <div className="dashboard-headline-title">{t('card.overdue', { date: formatDate(r.asOf) })}</div>
              <div className="dashboard-headline-value">
                <Typography.Text type={r.overdue > 0 ? 'danger' : undefined}>
                  <FigureLink
                    strong
                    testId="figure-recommendations-overdue"
                    value={r.overdue}
                    onOpen={() =>
                      onOpen({
                        figure: 'recommendations',
                        overdue: 'overdue',
                        label: `${recommendationsLabel} — ${RECOMMENDATION_STATUS_LABELS.overdue[lang].toLowerCase()}`,
                      })
                    }
                  />
                </Typography.Text>
              </div>
            </div>
          </Flex>
          <Flex vertical gap={6}>
            {RECOMMENDATION_STATUSES.map((status) => (
              <Flex key={status} justify="space-between">
                <Typography.Text>{RECOMMENDATION_STATUS_LABELS[status][lang]}</Typography.Text>
                <FigureLink
                  testId={`figure-recommendations-${status}`}
                  value={r.byStatus[status]}
                  onOpen={() =>
                    onOpen({
                      figure: 'recommendations',
                      recommendationStatus: status,
                      label: `${recommendationsLabel} — ${RECOMMENDATION_STATUS_LABELS[status][lang].toLowerCase()}`,
                    })
                  }
                />
              </Flex>
            ))}
          </Flex>
        </Card>
      </Col>
    </>
  );
}

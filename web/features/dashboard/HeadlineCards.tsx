import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { COMMENDATION_LEVELS, COMMENDATION_LEVEL_LABELS, type CommendationLevel } from '../../../common/commendations';
import { MODEL_STATUSES, MODEL_STATUS_LABELS } from '../../../common/models';
import { useLanguage } from '../../i18n/useLanguage';
import { useMessages } from '../../i18n/useMessages';
import { FigureLink } from './FigureLink';
import { InspectionCards } from './InspectionCards';
import { formatNumber, formatShare } from './format';
import { messages } from './messages';
import type { FigurePart, Overview } from './types';

/** A headline number under its caption (antd's Statistic without its chunk). */
function Headline({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="dashboard-headline">
      <div className="dashboard-headline-title">{title}</div>
      <div className="dashboard-headline-value">{children}</div>
    </div>
  );
}

interface LevelRow {
  level: CommendationLevel;
  collective: number;
  individual: number;
}

interface Props {
  overview: Overview;
  onOpen: (part: FigurePart) => void;
}

/**
 * The headline figures: meetings, commendations by level × collective/individual, models by status, inspections and
 * recommendations; every number opens its records.
 */
export function HeadlineCards({ overview: o, onOpen }: Props) {
  const t = useMessages(messages);
  const { lang } = useLanguage();
  const levelLabel = (level: CommendationLevel) => COMMENDATION_LEVEL_LABELS[level][lang];
  const levels = COMMENDATION_LEVELS.filter(
    (level) => o.commendations.byLevel[level].collective + o.commendations.byLevel[level].individual > 0,
  );
  const commendationsLabel = t('figure.commendations');

  const m = o.meetings;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card size="small" title={t('card.meetings')} data-testid="card-meetings">
          <Flex gap={48} wrap>
            <Headline title={t('card.regularShare')}>
              <span data-testid="figure-meetings-regular-share">{formatShare(m.regularShare)}</span>
              <div className="dashboard-headline-note">
                <FigureLink
                  testId="figure-meetings-regular"
                  value={m.regular}
                  onOpen={() =>
                    onOpen({
                      figure: 'meetings',
                      meetingType: 'regular',
                      label: `${t('figure.meetings')} — ${t('card.regularShare').toLowerCase()}`,
                    })
                  }
                />{' '}
                / {formatNumber(m.cellMonthsExpected)}
              </div>
            </Headline>
            <Headline title={t('card.themeShare')}>
              <span data-testid="figure-meetings-theme-share">{formatShare(m.themeShare)}</span>
              <div className="dashboard-headline-note">
                <FigureLink
                  testId="figure-meetings-theme"
                  value={m.themeIncluded}
                  onOpen={() =>
                    onOpen({
                      figure: 'meetings',
                      meetingType: 'regular',
                      theme: 'theme',
                      label: `${t('figure.meetings')} — ${t('card.themeShare').toLowerCase()}`,
                    })
                  }
                />{' '}
                / {formatNumber(m.cellMonthsExpected)}
              </div>
            </Headline>
            <Headline title={t('card.thematic')}>
              <FigureLink
                testId="figure-meetings-thematic"
                value={m.thematic}
                onOpen={() =>
                  onOpen({
                    figure: 'meetings',
                    meetingType: 'thematic',
                    label: `${t('figure.meetings')} — ${t('card.thematic').toLowerCase()}`,
                  })
                }
              />
            </Headline>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('card.commendations')} data-testid="card-commendations" style={{ height: '100%' }}>
          <Flex gap={32} wrap style={{ marginBottom: 12 }}>
            <Headline title={t('card.total')}>
              <FigureLink
                strong
                testId="figure-commendations-total"
                value={o.commendations.total}
                onOpen={() => onOpen({ figure: 'commendations', label: commendationsLabel })}
              />
            </Headline>
            {(['collective', 'individual'] as const).map((type) => (
              <Headline key={type} title={t(type === 'collective' ? 'card.collective' : 'card.individual')}>
                <FigureLink
                  testId={`figure-commendations-${type}`}
                  value={o.commendations[type]}
                  onOpen={() =>
                    onOpen({
                      figure: 'commendations',
                      recipientType: type,
                      label: `${commendationsLabel} — ${t(type === 'collective' ? 'card.collective' : 'card.individual').toLowerCase()}`,
                    })
                  }
                />
              </Headline>
            ))}
          </Flex>
          <table className="dashboard-table" data-testid="levels-table">
            <thead>
              <tr>
                <th>{t('levels.level')}</th>
                <th className="number">{t('card.collective')}</th>
                <th className="number">{t('card.individual')}</th>
                <th className="number">{t('levels.total')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.length === 0 && (
                <tr>
                  <td colSpan={4}>
                    <Typography.Text type="secondary">{t('chart.empty')}</Typography.Text>
                  </td>
                </tr>
              )}
              {levels.map((level) => {
                const row: LevelRow = { level, ...o.commendations.byLevel[level] };
                return (
                  <tr key={level}>
                    <td>{levelLabel(level)}</td>
                    {(['collective', 'individual'] as const).map((type) => (
                      <td key={type} className="number">
                        <FigureLink
                          testId={`figure-commendations-${level}-${type}`}
                          value={row[type]}
                          onOpen={() =>
                            onOpen({
                              figure: 'commendations',
                              level,
                              recipientType: type,
                              label: `${commendationsLabel} — ${levelLabel(level).toLowerCase()}, ${t(type === 'collective' ? 'card.collective' : 'card.individual').toLowerCase()}`,
                            })
                          }
                        />
                      </td>
                    ))}
                    <td className="number">
                      <Typography.Text strong>{formatNumber(row.collective + row.individual)}</Typography.Text>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('card.models')} data-testid="card-models" style={{ height: '100%' }}>
          <Headline title={t('card.total')}>
            <FigureLink
              strong
              testId="figure-models-total"
              value={o.models.total}
              onOpen={() => onOpen({ figure: 'models', label: t('figure.models') })}
            />
          </Headline>
          <Flex vertical gap={6} style={{ marginTop: 12 }}>
            {MODEL_STATUSES.map((status) => (
              <Flex key={status} justify="space-between">
                <Typography.Text>{MODEL_STATUS_LABELS[status][lang]}</Typography.Text>
                <FigureLink
                  testId={`figure-models-${status}`}
                  value={o.models.byStatus[status]}
                  onOpen={() =>
                    onOpen({
                      figure: 'models',
                      status,
                      label: `${t('figure.models')} — ${MODEL_STATUS_LABELS[status][lang].toLowerCase()}`,
                    })
                  }
                />
              </Flex>
            ))}
          </Flex>
        </Card>
      </Col>
      <InspectionCards overview={o} onOpen={onOpen} />
    </Row>
  );
}

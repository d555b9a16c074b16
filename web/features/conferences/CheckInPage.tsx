import { CameraOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, InputNumber, List, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { tokenFromQr } from '../../../common/conferences';
import { isApiError } from '../../api/client';
import { useMessages } from '../../i18n/useMessages';
import { NotFoundPage } from '../../layout/NotFoundPage';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { errorMessage } from '../../lib/serverErrors';
import { useAttendees, useBridge, useCheckIn, useHeadCount } from './api';
import { AddAttendeeModal } from './BridgePage';
import { formatNumber, formatTime } from './format';
import { messages } from './messages';
import { QrScanner } from './QrScanner';

/** Check-in at the door, made for a phone (360 px): scan the invitation's QR code, search a name, add a walk-in, or count the hall. */
export function CheckInPage() {
  const t = useMessages(messages);
  const { message } = App.useApp();
  const { id = '', bridgeId = '' } = useParams();
  const bridge = useBridge(id, bridgeId);
  const checkIn = useCheckIn(id, bridgeId);
  const headCount = useHeadCount(id, bridgeId);
  const [isScanning, setScanning] = useState(false);
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), 200);
  const found = useAttendees(id, bridgeId, debounced);
  const [isWalkIn, setWalkIn] = useState(false);
  const [count, setCount] = useState<number | null>(null);

  if (bridge.isPending) {
    return <Spin />;
  }
  if (bridge.isError) {
    return isApiError(bridge.error, 'NOT_FOUND') ? (
      <NotFoundPage />
    ) : (
      <Alert type="error" title={errorMessage(bridge.error)} />
    );
  }
  const b = bridge.data;
  const run = async (by: { token: string } | { attendeeId: string }) => {
    try {
      const result = await checkIn.mutateAsync(by);
      const name = result.attendee.fullName;
      if (result.alreadyCheckedIn) {
        void message.info(t('checkin.again', { name }));
      } else {
        void message.success(t('checkin.ok', { name }));
      }
    } catch (error) {
      void message.error(errorMessage(error), 5);
    }
  };
  const onCode = (text: string) => {
    const token = tokenFromQr(text);
    if (token) {
      void run({ token });
    } else {
      void message.warning(errorMessage(new Error('Mã QR không phải giấy mời hội nghị')));
    }
  };
  return (
    <Flex vertical gap={12} style={{ maxWidth: 520, margin: '0 auto', width: '100%' }}>
      <Link to={`/conferences/${id}/bridges/${bridgeId}`}>{b.unit.name}</Link>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('checkin.title')}
        </Typography.Title>
        <Statistic
          value={b.present}
          suffix={`/ ${formatNumber(b.expected)}`}
          formatter={(v) => <span data-testid="present-count">{formatNumber(Number(v))}</span>}
        />
      </Flex>
      <Button
        type={isScanning ? 'default' : 'primary'}
        size="large"
        icon={<CameraOutlined />}
        block
        onClick={() => setScanning((s) => !s)}
      >
        {isScanning ? t('checkin.stopScan') : t('checkin.scan')}
      </Button>
      {isScanning && <QrScanner onCode={onCode} errorLabel={(error) => t('checkin.noCamera', { error })} />}
      <Input.Search
        size="large"
        placeholder={t('checkin.search')}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="checkin-search"
      />
      {debounced && (
        <List
          size="small"
          bordered
          loading={found.isFetching}
          dataSource={(found.data?.items ?? []).slice(0, 20)}
          renderItem={(person) => (
            <List.Item
              actions={[
                person.checkedInAt ? (
                  <Typography.Text type="success" key="at">
                    ✓ {formatTime(person.checkedInAt)}
                  </Typography.Text>
                ) : (
                  <Button key="in" type="primary" onClick={() => run({ attendeeId: person.id })}>
                    {t('roster.checkIn')}
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta title={person.fullName} description={person.position} />
            </List.Item>
          )}
        />
      )}
      <Button size="large" icon={<UserAddOutlined />} block onClick={() => setWalkIn(true)}>
        {t('checkin.walkIn')}
      </Button>
      <Card size="small" title={t('checkin.headCount')}>
        <Flex gap={8}>
          <InputNumber
            size="large"
            min={0}
            style={{ flex: 1 }}
            value={count ?? b.headCount}
            onChange={(v) => setCount(v)}
            data-testid="head-count"
          />
          <Button
            size="large"
            loading={headCount.isPending}
            onClick={() =>
              headCount
                .mutateAsync({ headCount: count ?? b.headCount, version: b.version })
                .then(() => message.success(t('common.saved')))
                .catch((error: unknown) => message.error(errorMessage(error), 5))
            }
          >
            {t('checkin.save')}
          </Button>
        </Flex>
      </Card>
      <AddAttendeeModal
        bridge={{ conferenceId: id, id: bridgeId }}
        open={isWalkIn}
        onClose={() => setWalkIn(false)}
        isWalkIn
      />
    </Flex>
  );
}

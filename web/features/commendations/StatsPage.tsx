import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../../i18n/useMessages';
import { CountsPanel } from './CountsPanel';
import { messages } from './messages';

/** The commendation figures of a unit and period, on a page of their own. */
export function StatsPage() {
  const t = useMessages(messages);
  return (
    <Flex vertical gap={16}>
      <Link to="/commendations">
        <ArrowLeftOutlined /> {t('page.back')}
      </Link>
      <CountsPanel />
    </Flex>
  );
}

import { UserOutlined } from '@ant-design/icons';
import { Avatar, Flex, Typography } from 'antd';
import type { ModelPersonValue } from './types';

/** The people of an individual example (or a model's core group): name and position. */
export function ModelPeople({ people }: { people: ModelPersonValue[] }) {
  return (
    <Flex vertical gap={8}>
      {people.map((person, index) => (
        <Flex key={`${person.name}-${index}`} gap={8} align="center">
          <Avatar icon={<UserOutlined />} style={{ background: '#b91c1c' }} />
          <div>
            <Typography.Text strong>{person.name}</Typography.Text>
            {person.position && <div>{person.position}</div>}
          </div>
        </Flex>
      ))}
    </Flex>
  );
}

import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useId } from 'react';
import { DATE_FORMAT, fromDayjs } from '../../lib/format';

interface Props {
  label: string;
  value: string;
  onChange: (iso: string) => void;
}

/** The "as of" date of a structure view (dd/MM/yyyy); typing a date and pressing Enter works as well as clicking. */
export function AtDatePicker({ label, value, onChange }: Props) {
  const id = useId();
  return (
    <Flex align="center" gap={8} wrap>
      <Typography.Text strong>
        <label htmlFor={id}>
          <CalendarOutlined /> {label}
        </label>
      </Typography.Text>
      <DatePicker
        id={id}
        value={dayjs(value, 'YYYY-MM-DD')}
        format={DATE_FORMAT}
        allowClear={false}
        onChange={(next) => {
          const iso = fromDayjs(next);
          if (iso) {
            onChange(iso);
          }
        }}
        style={{ width: 150 }}
      />
    </Flex>
  );
}

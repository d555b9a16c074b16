import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';

interface Props {
  from: string;
  to: string;
  label: string;
  onChange: (from: string, to: string) => void;
}

/** The custom period (its own chunk: the date picker loads only when a custom period is chosen). */
export function PeriodRangePicker({ from, to, label, onChange }: Props) {
  return (
    <DatePicker.RangePicker
      aria-label={label}
      format={DATE_FORMAT}
      value={[toDayjs(from), toDayjs(to)]}
      allowClear={false}
      onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
        onChange(fromDayjs(range?.[0]) ?? from, fromDayjs(range?.[1]) ?? to)
      }
    />
  );
}

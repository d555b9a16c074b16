import { Typography } from 'antd';
import { formatNumber } from './format';

interface Props {
  value: number;
  onOpen: () => void;
  testId?: string;
  strong?: boolean;
}

/** A figure that opens the list of its records (a zero opens nothing). */
export function FigureLink({ value, onOpen, testId, strong }: Props) {
  if (value === 0) {
    return <span data-testid={testId}>0</span>;
  }
  return (
    <Typography.Link data-testid={testId} onClick={onOpen} strong={strong}>
      {formatNumber(value)}
    </Typography.Link>
  );
}

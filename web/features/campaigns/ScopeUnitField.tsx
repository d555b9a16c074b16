import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../org-units/UnitPicker';
import type { UnitRef } from '../auth/types';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The unit already stored (edit forms): shown by name until the user chooses to change it. */
  current?: UnitRef;
  changeLabel: string;
  id?: string;
}

/** A scope unit as a form control; any unit that ever existed can be chosen (plans of a closed committee included). */
export function ScopeUnitField({ value, onChange, current, changeLabel, id }: Props) {
  const [isChanging, setIsChanging] = useState(false);
  if (current && value === current.id && !isChanging) {
    return (
      <Flex gap={8} align="center" wrap>
        <span id={id}>
          {current.name} <Typography.Text type="secondary">{current.code}</Typography.Text>
        </span>
        <Button size="small" type="link" onClick={() => setIsChanging(true)}>
          {changeLabel}
        </Button>
      </Flex>
    );
  }
  return <UnitPicker id={id} value={value} onChange={(next) => onChange?.(next)} isHistoryIncluded />;
}

import { useMemo } from 'react';
import { todayIso } from '../../../common/dates';
import { recentPeriods } from '../../../common/report-periods';
import type { Template } from './types';

/** The template's periods a user may pick: the current one and the seven before it (or its custom span). */
export function usePeriods(template: Template | undefined) {
  return useMemo(
    () =>
      template
        ? recentPeriods(template.periodType, todayIso(), 8, { from: template.customFrom, to: template.customTo })
        : [],
    [template],
  );
}

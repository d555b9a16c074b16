import type { FormInstance } from 'antd';
import { App } from 'antd';
import { isApiError } from '../../api/client';
import { applyServerErrors, errorMessage } from '../../lib/serverErrors';

/**
 * How a unit form reports a failed save: field errors under the fields; a CONFLICT (someone else changed the unit
 * first) as a message plus a reload of the unit, so the next attempt carries the new version.
 */
export function useUnitMutationFeedback(onConflict: () => void) {
  const { message } = App.useApp();
  return (form: FormInstance, error: unknown) => {
    if (isApiError(error, 'CONFLICT')) {
      void message.error(error.message, 6);
      onConflict();
      return;
    }
    if (!applyServerErrors(form, error)) {
      void message.error(errorMessage(error), 6);
    }
  };
}

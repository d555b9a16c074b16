import type { FormInstance } from 'antd';
import { isApiError } from '../api/client';

/**
 * Puts the server's field messages (`details[].path` such as `body.name`) under the matching form fields.
 * Returns true when at least one field got a message, so the caller need not repeat it in a toast.
 */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error, 'VALIDATION_FAILED') || error.details.length === 0) {
    return false;
  }
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.details
    .map((detail) => ({ name: detail.path.replace(/^(body|query|params)\./, ''), message: detail.message }))
    .filter((field) => known.has(field.name));
  if (fields.length === 0) {
    return false;
  }
  form.setFields(fields.map((field) => ({ name: field.name, errors: [field.message] })));
  return true;
}

/** The message to show for any error: the server's own (Vietnamese) message when it sent one. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    return error.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

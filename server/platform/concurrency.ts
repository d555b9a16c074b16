import type { ErrorDetail } from '../../common/errors';
import { conflict } from './errors';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '(trống)';
  }
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/**
 * Optimistic concurrency: an edit carries the `version` it was based on. When the record moved on meanwhile, answer
 * 409 CONFLICT listing, field by field, what the record holds now where it differs from what the caller sent — so
 * nothing is silently overwritten and the user sees what changed.
 *
 * @param stored  the record as stored now, with its version
 * @param submitted the caller's values (only the fields they sent) and the version they read
 */
export function assertVersion<T extends { version: number }>(
  stored: T,
  submitted: { version: number } & Partial<Record<keyof T, unknown>>,
  fieldNames: Partial<Record<keyof T, string>> = {},
): void {
  if (stored.version === submitted.version) {
    return;
  }
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(submitted)) {
    if (key === 'version' || !(key in stored)) {
      continue;
    }
    const current = stored[key as keyof T];
    if (JSON.stringify(current ?? null) !== JSON.stringify(value ?? null)) {
      const label = fieldNames[key as keyof T] ?? key;
      details.push({ path: `body.${key}`, message: `${label} hiện là ${show(current)}` });
    }
  }
  details.push({
    path: 'body.version',
    message: `Phiên bản hiện tại là ${stored.version}, bạn sửa từ ${submitted.version}.`,
  });
  throw conflict('Bản ghi đã được người khác thay đổi trong lúc bạn sửa. Hãy xem các thay đổi và tải lại.', details);
}

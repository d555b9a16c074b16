import type { ErrorDetail } from '../../common/errors';
import { conflict } from './errors';

/**
 * How a 409 shows one field: its label and, where the stored value is a code or an id, what a user knows it by
 * (`district` → "Cấp huyện", a unit id → the unit's name). `show` receives the value as stored now.
 */
export interface FieldDisplay {
  label: string;
  show?: (value: unknown) => string;
}

/** Per field, a bare label or a label with a way to show the value; fields left out show their key and raw value. */
export type FieldDisplays<T> = Partial<Record<keyof T, string | FieldDisplay>>;

function showRaw(value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '(trống)';
  }
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function describeField(display: string | FieldDisplay | undefined, key: string, value: unknown): string {
  if (display === undefined || typeof display === 'string') {
    return `${display ?? key} hiện là ${showRaw(value)}`;
  }
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  return `${display.label} hiện là ${empty || !display.show ? showRaw(empty ? null : value) : `"${display.show(value)}"`}`;
}

/** Labels of an enum as a `show` function; an unknown code is shown as it is. */
export function enumDisplay(label: string, labels: Record<string, { vi: string }>): FieldDisplay {
  return { label, show: (value) => labels[String(value)]?.vi ?? String(value) };
}

/**
 * Optimistic concurrency: an edit carries the `version` it was based on. When the record moved on meanwhile, answer
 * 409 CONFLICT listing, field by field, what the record holds now where it differs from what the caller sent — so
 * nothing is silently overwritten and the user sees what changed.
 *
 * @param stored  the record as stored now, with its version
 * @param submitted the caller's values (only the fields they sent) and the version they read
 * @param fields  how each field is named and shown; the module that owns the record knows its codes and references
 * @param notes   what else a user should know (who changed it, when), listed before the version line
 */
export function assertVersion<T extends { version: number }>(
  stored: T,
  submitted: { version: number } & Partial<Record<keyof T, unknown>>,
  fields: FieldDisplays<T> = {},
  notes: ErrorDetail[] = [],
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
      details.push({ path: `body.${key}`, message: describeField(fields[key as keyof T], key, current) });
    }
  }
  details.push(...notes, {
    path: 'body.version',
    message: `Phiên bản hiện tại là ${stored.version}, bạn sửa từ ${submitted.version}.`,
  });
  throw conflict('Bản ghi đã được người khác thay đổi trong lúc bạn sửa. Hãy xem các thay đổi và tải lại.', details);
}

/**
 * `assertVersion` whose notes need a query (the last audit entry, a count): `notes` runs only when the versions differ,
 * so an edit of the current version costs nothing more.
 */
export async function assertVersionWithNotes<T extends { version: number }>(
  stored: T,
  submitted: { version: number } & Partial<Record<keyof T, unknown>>,
  fields: FieldDisplays<T>,
  notes: () => Promise<ErrorDetail[]>,
): Promise<void> {
  if (stored.version !== submitted.version) {
    assertVersion(stored, submitted, fields, await notes());
  }
}

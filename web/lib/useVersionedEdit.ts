import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError, type ApiError } from '../api/client';
import { applyServerErrors, errorMessage } from './serverErrors';

/**
 * The fields of `next` that differ from `before` (compared as JSON): an edit sends only these, so a 409 names what
 * collides and nothing the user left alone is overwritten.
 */
export function changedFields<T extends object>(next: T, before: Partial<Record<keyof T, unknown>>): Partial<T> {
  return Object.fromEntries(
    (Object.keys(next) as (keyof T)[])
      .filter((key) => JSON.stringify(next[key]) !== JSON.stringify(before[key] ?? null))
      .map((key) => [key, next[key]]),
  ) as Partial<T>;
}

interface VersionedEditOptions<R, V> {
  /** The record as the dialog opened on it (undefined when the dialog creates one). */
  record: R;
  form: FormInstance<V>;
  /** Reads the record again, as it is now. */
  refetch: () => Promise<{ data?: R }>;
  toValues: (record: NonNullable<R>) => V;
}

/**
 * An edit dialog over a versioned record: the version it edits from (`base`), saving — a 409 becomes the conflict
 * the dialog shows (web/lib/ConflictAlert), field errors go under their fields, anything else is a toast — and
 * reloading the record as it is now into the open form.
 */
export function useVersionedEdit<R, V>({ record, form, refetch, toValues }: VersionedEditOptions<R, V>) {
  const { message } = App.useApp();
  const [base, setBase] = useState(record);
  const [conflict, setConflict] = useState<ApiError | null>(null);

  /** Runs the write; its result, or undefined when it failed and the failure has been shown. */
  const save = async <T>(write: () => Promise<T>): Promise<T | undefined> => {
    setConflict(null);
    try {
      return await write();
    } catch (error) {
      if (isApiError(error, 'CONFLICT')) {
        setConflict(error);
      } else if (!applyServerErrors(form, error)) {
        void message.error(errorMessage(error), 8);
      }
      return undefined;
    }
  };

  const reload = async () => {
    const { data } = await refetch();
    if (data) {
      setBase(data);
      form.setFieldsValue(toValues(data as NonNullable<R>) as Parameters<typeof form.setFieldsValue>[0]);
    }
    setConflict(null);
  };

  return { base, conflict, save, reload };
}

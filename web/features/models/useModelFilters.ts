import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../../../common/dates';
import { MODEL_KINDS, MODEL_STATUSES, type ModelKind, type ModelStatus } from '../../../common/models';
import type { ModelFilters } from './types';

const PAGE_SIZES = [12, 24, 48, 96];

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  raw && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
const text = (raw: string | null) => (raw && raw.trim() ? raw.trim() : undefined);
const date = (raw: string | null) => (raw && isIsoDate(raw) ? raw : undefined);

/**
 * The registry's filters and page live in the URL (`?status=recognised&field=economy&q=dan van`), so a filtered list
 * can be shared, bookmarked and returned to with the back button.
 */
export function useModelFilters() {
  const [params, setParams] = useSearchParams();
  const filters: ModelFilters = useMemo(
    () => ({
      status: oneOf<ModelStatus>(MODEL_STATUSES, params.get('status')),
      kind: oneOf<ModelKind>(MODEL_KINDS, params.get('kind')),
      field: text(params.get('field')),
      campaign: text(params.get('campaign')),
      theme: text(params.get('theme')),
      unit: text(params.get('unit')),
      from: date(params.get('from')),
      to: date(params.get('to')),
      search: text(params.get('q')),
    }),
    [params],
  );
  const page = Math.max(1, Number(params.get('page')) || 1);
  const size = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(size) ? size : 24;

  const update = useCallback(
    (changes: Partial<ModelFilters> & { page?: number; pageSize?: number }) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            const name = key === 'search' ? 'q' : key === 'pageSize' ? 'size' : key;
            if (value === undefined || value === '' || value === null) {
              next.delete(name);
            } else {
              next.set(name, String(value));
            }
          }
          // Any filter change starts again from the first page.
          if (changes.page === undefined) {
            next.delete('page');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, page, pageSize, pageSizes: PAGE_SIZES, update, clear };
}

import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate, todayIso } from '../../common/dates';

/** The `at` date of the URL (`?at=2019-05-15`), today when absent, so that a view at a date can be shared. */
export function useAtDate(): [string, (next: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('at');
  const at = raw && isIsoDate(raw) ? raw : todayIso();
  const setAt = useCallback(
    (next: string) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === todayIso()) {
            updated.delete('at');
          } else {
            updated.set('at', next);
          }
          return updated;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return [at, setAt];
}

/** `?at=` suffix for links that keep the date being viewed (nothing when it is today). */
export function atQuery(at: string): string {
  return at === todayIso() ? '' : `?at=${at}`;
}

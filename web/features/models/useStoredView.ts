import { useCallback, useState } from 'react';

export type RegistryView = 'cards' | 'table';
const KEY = 'lantoa.models.view';

function readView(): RegistryView {
  try {
    return window.localStorage.getItem(KEY) === 'table' ? 'table' : 'cards';
  } catch {
    return 'cards';
  }
}

/** Cards or table, remembered in this browser between visits. */
export function useStoredView(): [RegistryView, (view: RegistryView) => void] {
  const [view, setView] = useState<RegistryView>(readView);
  const change = useCallback((next: RegistryView) => {
    setView(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit only.
    }
  }, []);
  return [view, change];
}

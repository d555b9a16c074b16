import { useMe } from './api';
import type { Me } from './types';

/** The signed-in user inside the shell, where RequireAuth has already made sure there is one. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) {
    throw new Error('useCurrentUser outside RequireAuth');
  }
  return data;
}

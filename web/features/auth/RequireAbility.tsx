import type { ReactNode } from 'react';
import { LazyNotFoundPage } from '../../layout/LazyNotFoundPage';
import type { Abilities } from './types';
import { useCurrentUser } from './useCurrentUser';

/** A page that the user's abilities do not allow is answered like a missing page, as the API does. */
export function RequireAbility({ ability, children }: { ability: keyof Abilities; children: ReactNode }) {
  const me = useCurrentUser();
  return me.abilities[ability] ? children : <LazyNotFoundPage />;
}

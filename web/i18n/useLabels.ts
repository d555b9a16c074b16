import { useMemo } from 'react';
import { LINEAGE_EVENT_LABELS, UNIT_KIND_LABELS, type LineageEventKind, type UnitKind } from '../../common/org-units';
import { ROLE_LABELS, type Role } from '../../common/roles';
import { useLanguage } from './useLanguage';

export interface Labels {
  kind: (kind: UnitKind) => string;
  role: (role: Role) => string;
  event: (kind: LineageEventKind) => string;
}

/** Labels of the shared enums (unit kinds, roles, lineage events) in the current language. */
export function useLabels(): Labels {
  const { lang } = useLanguage();
  return useMemo(
    () => ({
      kind: (kind) => UNIT_KIND_LABELS[kind]?.[lang] ?? kind,
      role: (role) => ROLE_LABELS[role]?.[lang] ?? role,
      event: (kind) => LINEAGE_EVENT_LABELS[kind]?.[lang] ?? kind,
    }),
    [lang],
  );
}

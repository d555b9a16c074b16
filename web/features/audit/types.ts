import type { UnitRef } from '../auth/types';

export interface AuditEntry {
  id: string | number;
  at: string;
  user: { id: string; username: string; fullName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unit: UnitRef | null;
  summary: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter {
  user?: string;
  entityType?: string;
  unit?: string;
  from?: string;
  to?: string;
}

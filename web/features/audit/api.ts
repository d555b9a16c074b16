import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntry, AuditFilter } from './types';

export function useAuditLog(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit-log', filter, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ items: AuditEntry[]; total: number }>('/audit-log', { ...filter, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The entity types present in the log, for the filter. */
export function useAuditEntityTypes() {
  return useQuery({
    queryKey: ['audit-log', 'entity-types'],
    queryFn: ({ signal }) => api.get<{ items: string[] }>('/audit-log/entity-types', undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

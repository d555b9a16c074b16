import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitKind } from '../../../common/org-units';
import { api, apiUrl } from '../../api/client';
import type { OrgUnitDetail, OrgUnitSummary } from './types';

type ListAnswer = { items: OrgUnitSummary[] };

export const orgUnitKeys = {
  all: ['org-units'] as const,
  top: (at: string) => ['org-units', 'top', at] as const,
  children: (parent: string, at: string) => ['org-units', 'children', parent, at] as const,
  search: (search: string, at: string | undefined, limit: number, under?: string) =>
    ['org-units', 'search', search, at, limit, under] as const,
  detail: (id: string, at: string) => ['org-units', 'detail', id, at] as const,
};

/** The caller's topmost units valid on `at`. */
export function topUnitsQuery(at: string) {
  return queryOptions({
    queryKey: orgUnitKeys.top(at),
    queryFn: ({ signal }) => api.get<ListAnswer>('/org-units', { at }, signal),
    select: (data) => data.items,
  });
}

/** The children of a unit valid on `at` (the tree's loadData and the unit page's table). */
export function childrenQuery(parent: string, at: string) {
  return queryOptions({
    queryKey: orgUnitKeys.children(parent, at),
    queryFn: ({ signal }) => api.get<ListAnswer>('/org-units', { parent, at, limit: 200 }, signal),
  });
}

export function useTopUnits(at: string) {
  return useQuery(topUnitsQuery(at));
}

export function useChildUnits(parent: string, at: string) {
  return useQuery({ ...childrenQuery(parent, at), select: (data) => data.items });
}

/**
 * Units matching `search` (folded on the server, so `dam doi` finds Đầm Dơi); only those valid on `at` if given, only
 * those strictly below `under` if given.
 */
export function useUnitSearch(search: string, at: string | undefined, limit = 50, under?: string) {
  const term = search.trim();
  return useQuery({
    queryKey: orgUnitKeys.search(term, at, limit, under),
    queryFn: ({ signal }) => api.get<ListAnswer>('/org-units', { search: term, at, limit, under }, signal),
    select: (data) => data.items,
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useOrgUnit(id: string, at: string) {
  return useQuery({
    queryKey: orgUnitKeys.detail(id, at),
    queryFn: ({ signal }) => api.get<OrgUnitDetail>(`/org-units/${encodeURIComponent(id)}`, { at }, signal),
  });
}

export interface CreateOrgUnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string;
  validFrom: string;
}

function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
}

export function useCreateOrgUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (body: CreateOrgUnitInput) => api.post<OrgUnitDetail>('/org-units', body),
    onSuccess: invalidate,
  });
}

export function useRenameOrgUnit(id: string) {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (body: { name: string; effectiveDate: string; version: number }) =>
      api.patch<OrgUnitDetail>(`/org-units/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useCloseOrgUnit(id: string) {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (body: { validTo: string; reason?: string; version: number }) =>
      api.post<OrgUnitDetail>(`/org-units/${id}/close`, body),
    onSuccess: invalidate,
  });
}

export function exportUrl(id: string, at: string): string {
  return apiUrl(`/org-units/${id}/export`, { at });
}

export const IMPORT_TEMPLATE_URL = apiUrl('/org-units/import-template');

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type {
  CommendationStats,
  DecisionDetail,
  DecisionFilters,
  DecisionInput,
  DecisionSummary,
  RecipientInput,
} from './types';

export const commendationKeys = {
  all: ['commendations'] as const,
  list: (filters: DecisionFilters, page: number, pageSize: number) =>
    ['commendations', 'list', filters, page, pageSize] as const,
  detail: (id: string) => ['commendations', 'detail', id] as const,
  stats: (query: StatsQuery) => ['commendations', 'stats', query] as const,
};

export interface StatsQuery {
  unit: string;
  from: string;
  to: string;
  campaign?: string;
}

export function useDecisions(filters: DecisionFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: commendationKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<{ items: DecisionSummary[]; total: number }>('/commendations', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDecision(id: string | undefined) {
  return useQuery({
    queryKey: commendationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<DecisionDetail>(`/commendations/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCommendationStats(query: StatsQuery | undefined) {
  return useQuery({
    queryKey: commendationKeys.stats(query ?? { unit: '', from: '', to: '' }),
    queryFn: ({ signal }) => api.get<CommendationStats>('/stats/commendations', { ...query }, signal),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
}

/** Every change to one decision answers with the whole decision: the cache takes it, lists and counts refetch. */
function useOnSaved() {
  const queryClient = useQueryClient();
  return async (saved?: DecisionDetail) => {
    if (saved) {
      queryClient.setQueryData(commendationKeys.detail(saved.id), saved);
    }
    await queryClient.invalidateQueries({ queryKey: commendationKeys.all, refetchType: 'active' });
  };
}

export function useCreateDecision() {
  const onSaved = useOnSaved();
  return useMutation({
    mutationFn: (body: DecisionInput & { recipients?: RecipientInput[] }) =>
      api.post<DecisionDetail>('/commendations', body),
    onSuccess: onSaved,
  });
}

export function useUpdateDecision() {
  const onSaved = useOnSaved();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<DecisionInput> & { id: string; version: number }) =>
      api.patch<DecisionDetail>(`/commendations/${id}`, body),
    onSuccess: onSaved,
  });
}

export function useDeleteDecision() {
  const onSaved = useOnSaved();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete(`/commendations/${id}?version=${version}`),
    onSuccess: () => onSaved(),
  });
}

export function useAddRecipient(decisionId: string) {
  const onSaved = useOnSaved();
  return useMutation({
    mutationFn: (body: RecipientInput & { version: number }) =>
      api.post<DecisionDetail>(`/commendations/${decisionId}/recipients`, body),
    onSuccess: onSaved,
  });
}

export function useUpdateRecipient(decisionId: string) {
  const onSaved = useOnSaved();
  return useMutation({
    mutationFn: ({ recipientId, ...body }: Partial<RecipientInput> & { recipientId: string; version: number }) =>
      api.patch<DecisionDetail>(`/commendations/${decisionId}/recipients/${recipientId}`, body),
    onSuccess: onSaved,
  });
}

export function useDeleteRecipient(decisionId: string) {
  const onSaved = useOnSaved();
  return useMutation({
    mutationFn: ({ recipientId, version }: { recipientId: string; version: number }) =>
      api.delete<DecisionDetail>(`/commendations/${decisionId}/recipients/${recipientId}?version=${version}`),
    onSuccess: onSaved,
  });
}

export function exportUrl(filters: DecisionFilters): string {
  return apiUrl('/commendations/export', { ...filters });
}

export const IMPORT_TEMPLATE_URL = apiUrl('/commendations/import-template');

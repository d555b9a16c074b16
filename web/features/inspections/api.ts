import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, type QueryValue } from '../../api/client';
import type {
  InspectionDetail,
  InspectionStats,
  InspectionSummary,
  NewRecommendation,
  PlanDetail,
  PlanSummary,
  RecommendationDetail,
  RecommendationSummary,
} from './types';

const ROOT = ['inspections'] as const;

export function usePlans(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...ROOT, 'plans', query],
    queryFn: ({ signal }) =>
      api.get<{ items: PlanSummary[]; total: number; abilities: { canCreate: boolean } }>(
        '/inspection-plans',
        query,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: [...ROOT, 'plan', id],
    queryFn: ({ signal }) => api.get<PlanDetail>(`/inspection-plans/${id}`, undefined, signal),
    retry: false,
  });
}

export function useInspection(id: string, isEnabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'inspection', id],
    queryFn: ({ signal }) => api.get<InspectionDetail>(`/inspections/${id}`, undefined, signal),
    enabled: isEnabled && !!id,
    retry: false,
  });
}

export function useInspections(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...ROOT, 'list', query],
    queryFn: ({ signal }) => api.get<{ items: InspectionSummary[]; total: number }>('/inspections', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRecommendations(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...ROOT, 'recommendations', query],
    queryFn: ({ signal }) =>
      api.get<{ items: RecommendationSummary[]; total: number; overdue: number; awaitingReview: number }>(
        '/recommendations',
        query,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRecommendation(id: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'recommendation', id],
    queryFn: ({ signal }) => api.get<RecommendationDetail>(`/recommendations/${id}`, undefined, signal),
    enabled: !!id,
    retry: false,
  });
}

export function useInspectionStats(query: { unit?: string; from: string; to: string; campaign?: string }) {
  return useQuery({
    queryKey: [...ROOT, 'stats', query],
    queryFn: ({ signal }) => api.get<InspectionStats>('/stats/inspections', query, signal),
    enabled: !!query.unit,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Any change refetches everything of the feature (lists, plan, inspection, recommendations, figures). */
function useInspectionMutation<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROOT }),
  });
}

export const useCreatePlan = () =>
  useInspectionMutation((body: { unitId: string; year: number; title: string; number?: string; note?: string }) =>
    api.post<PlanDetail>('/inspection-plans', body),
  );
export const useApprovePlan = () =>
  useInspectionMutation(({ id, ...body }: { id: string; approvedOn: string; version: number }) =>
    api.post<PlanDetail>(`/inspection-plans/${id}/approve`, body),
  );
export const useUpdatePlan = () =>
  useInspectionMutation(
    ({ id, ...body }: { id: string; version: number; title?: string; number?: string | null; note?: string | null }) =>
      api.patch<PlanDetail>(`/inspection-plans/${id}`, body),
  );
export const useCreateInspection = () =>
  useInspectionMutation((body: Record<string, unknown>) => api.post<InspectionDetail>('/inspections', body));
export const useUpdateInspection = () =>
  useInspectionMutation(({ id, ...body }: { id: string; version: number } & Record<string, unknown>) =>
    api.patch<InspectionDetail>(`/inspections/${id}`, body),
  );
export const useStartInspection = () =>
  useInspectionMutation(({ id, ...body }: { id: string; version: number } & Record<string, unknown>) =>
    api.post<InspectionDetail>(`/inspections/${id}/start`, body),
  );
export const useSelfReport = () =>
  useInspectionMutation(
    ({ id, subjectId, ...body }: { id: string; subjectId: string; receivedOn: string; summary?: string }) =>
      api.put<InspectionDetail>(`/inspections/${id}/subjects/${subjectId}/self-report`, body),
  );
export const useAddSession = () =>
  useInspectionMutation(({ id, ...body }: { id: string } & Record<string, unknown>) =>
    api.post<InspectionDetail>(`/inspections/${id}/sessions`, body),
  );
export const useDeleteSession = () =>
  useInspectionMutation(({ id, sessionId }: { id: string; sessionId: string }) =>
    api.delete<InspectionDetail>(`/inspections/${id}/sessions/${sessionId}`),
  );
export const useCloseInspection = () =>
  useInspectionMutation(
    ({
      id,
      ...body
    }: { id: string; version: number; recommendations: NewRecommendation[] } & Record<string, unknown>) =>
      api.post<InspectionDetail>(`/inspections/${id}/close`, body),
  );
export const useAddRecommendations = () =>
  useInspectionMutation(({ id, items }: { id: string; items: NewRecommendation[] }) =>
    api.post<InspectionDetail>(`/inspections/${id}/recommendations`, { items }),
  );
export const useRecommendationAction = () =>
  useInspectionMutation(
    ({
      id,
      action,
      ...body
    }: { id: string; action: 'start' | 'report' | 'accept' | 'return'; version: number } & Record<string, unknown>) =>
      api.post<RecommendationDetail>(`/recommendations/${id}/${action}`, body),
  );
export const useUpdateRecommendation = () =>
  useInspectionMutation(({ id, ...body }: { id: string; version: number } & Partial<NewRecommendation>) =>
    api.patch<RecommendationDetail>(`/recommendations/${id}`, body),
  );
export const useDeleteRecommendation = () =>
  useInspectionMutation(({ id, version }: { id: string; version: number }) =>
    apiRequest<void>('DELETE', `/recommendations/${id}`, { body: { version } }),
  );

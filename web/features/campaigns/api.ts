import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignRelation } from '../../../common/campaigns';
import { api } from '../../api/client';
import type {
  CampaignDetail,
  CampaignFilters,
  CampaignInput,
  CampaignSummary,
  Page,
  ThemeDetail,
  ThemeFilters,
  ThemeInput,
  ThemeSummary,
} from './types';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (filters: CampaignFilters) => ['campaigns', 'list', filters] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
};

export const themeKeys = {
  all: ['study-themes'] as const,
  list: (filters: ThemeFilters) => ['study-themes', 'list', filters] as const,
  detail: (id: string) => ['study-themes', 'detail', id] as const,
};

export function useCampaigns(filters: CampaignFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: campaignKeys.list(filters),
    queryFn: ({ signal }) => api.get<Page<CampaignSummary>>('/campaigns', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: campaignKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<CampaignDetail>(`/campaigns/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

/** Campaigns and themes change together (counts, links): one invalidation refreshes both. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
      queryClient.invalidateQueries({ queryKey: themeKeys.all }),
    ]);
  };
}

export function useCreateCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CampaignInput) => api.post<CampaignDetail>('/campaigns', body),
    onSuccess: invalidate,
  });
}

export function useUpdateCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<CampaignInput> & { id: string; version: number }) =>
      api.patch<CampaignDetail>(`/campaigns/${id}`, body),
    onSettled: invalidate,
  });
}

export function useLinkCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; relatedCampaignId: string; relation: CampaignRelation }) =>
      api.post<CampaignDetail>(`/campaigns/${id}/links`, body),
    onSuccess: invalidate,
  });
}

export function useUnlinkCampaign() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, relatedId }: { id: string; relatedId: string }) =>
      api.delete(`/campaigns/${id}/links/${relatedId}`),
    onSuccess: invalidate,
  });
}

export function useThemes(filters: ThemeFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: themeKeys.list(filters),
    queryFn: ({ signal }) => api.get<Page<ThemeSummary>>('/study-themes', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useTheme(id: string | undefined) {
  return useQuery({
    queryKey: themeKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ThemeDetail>(`/study-themes/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCreateTheme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ThemeInput & { campaignId: string }) => api.post<ThemeDetail>('/study-themes', body),
    onSuccess: invalidate,
  });
}

export function useUpdateTheme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<ThemeInput> & { id: string; version: number }) =>
      api.patch<ThemeDetail>(`/study-themes/${id}`, body),
    onSettled: invalidate,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BridgeStatus } from '../../../common/conferences';
import { api, apiRequest, apiUrl } from '../../api/client';
import type {
  Attendee,
  Board,
  Bridge,
  BridgeDetail,
  Category,
  ConferenceDetail,
  ConferenceSummary,
  Draft,
} from './types';

const base = '/conferences';
export const conferenceKeys = {
  all: ['conferences'] as const,
  detail: (id: string) => ['conferences', id] as const,
  bridges: (id: string) => ['conferences', id, 'bridges'] as const,
  bridge: (id: string, bridgeId: string) => ['conferences', id, 'bridge', bridgeId] as const,
  attendees: (id: string, bridgeId: string, search: string) =>
    ['conferences', id, 'bridge', bridgeId, 'attendees', search] as const,
};

export function useConferences() {
  return useQuery({
    queryKey: conferenceKeys.all,
    queryFn: ({ signal }) => api.get<{ items: ConferenceSummary[] }>(base, undefined, signal),
  });
}

export function useConference(id: string) {
  return useQuery({
    queryKey: conferenceKeys.detail(id),
    queryFn: ({ signal }) => api.get<ConferenceDetail>(`${base}/${id}`, undefined, signal),
    retry: false,
  });
}

export function useBridges(id: string, enabled = true) {
  return useQuery({
    queryKey: conferenceKeys.bridges(id),
    queryFn: ({ signal }) => api.get<{ items: Bridge[] }>(`${base}/${id}/bridges`, undefined, signal),
    enabled,
  });
}

export function useBridge(id: string, bridgeId: string) {
  return useQuery({
    queryKey: conferenceKeys.bridge(id, bridgeId),
    queryFn: ({ signal }) => api.get<BridgeDetail>(`${base}/${id}/bridges/${bridgeId}`, undefined, signal),
    retry: false,
  });
}

export function useAttendees(id: string, bridgeId: string, search: string) {
  return useQuery({
    queryKey: conferenceKeys.attendees(id, bridgeId, search),
    queryFn: ({ signal }) =>
      api.get<{ items: Attendee[]; total: number }>(
        `${base}/${id}/bridges/${bridgeId}/attendees`,
        { search: search || undefined, limit: 500 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: ['conference-categories'],
    queryFn: ({ signal }) => api.get<{ items: Category[] }>('/conference-categories', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Every category, those no longer in use included: the administrator's list. */
export function useAllCategories() {
  return useQuery({
    queryKey: ['conference-categories', 'all'],
    queryFn: ({ signal }) => api.get<{ items: Category[] }>('/conference-categories', { all: 'true' }, signal),
  });
}

export interface CategoryInput {
  code: string;
  nameVi: string;
  nameEn: string;
  sortOrder: number;
}

/** Adds a category, or changes one (names, order, in use) with its version. */
export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string } & Partial<CategoryInput> & { isActive?: boolean; version?: number }) => {
      const { id, ...body } = input;
      return id
        ? apiRequest<Category>('PATCH', `/conference-categories/${id}`, { body })
        : apiRequest<Category>('POST', '/conference-categories', { body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conference-categories'] }),
  });
}

export function useBoard(id: string) {
  return useQuery({
    queryKey: ['conferences', id, 'board'],
    queryFn: ({ signal }) => api.get<Board>(`${base}/${id}/board`, undefined, signal),
    retry: false,
  });
}

function useInvalidating<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conferenceKeys.all }),
  });
}

export interface ConferenceInput {
  title: string;
  unitId: string;
  campaignId?: string | null;
  startsAt: string;
  endsAt: string;
  mode: string;
  hostPlace?: string | null;
  meetingUrl?: string | null;
}

export const useCreateConference = () =>
  useInvalidating((input: ConferenceInput) => api.post<ConferenceDetail>(base, input));
export const useUpdateConference = (id: string) =>
  useInvalidating(
    (input: Partial<ConferenceInput> & { minutes?: string | null; conclusions?: string | null; version: number }) =>
      api.patch<ConferenceDetail>(`${base}/${id}`, input),
  );
export const useAddAgendaItem = (id: string) =>
  useInvalidating(
    (input: {
      startsAt?: string | null;
      title: string;
      presenter?: string | null;
      presenterPosition?: string | null;
    }) => api.post<ConferenceDetail>(`${base}/${id}/agenda`, input),
  );
export const useDeleteAgendaItem = (id: string) =>
  useInvalidating((itemId: string) => api.delete<ConferenceDetail>(`${base}/${id}/agenda/${itemId}`));
export const useInvite = (id: string) =>
  useInvalidating((input: { unitIds?: string[]; under?: { unitId: string; kind: string }; expected?: number }) =>
    api.post<{ invited: number; alreadyInvited: number }>(`${base}/${id}/bridges`, input),
  );
export const useSetStatus = (id: string, bridgeId: string) =>
  useInvalidating((input: { status: BridgeStatus; note?: string | null; version: number }) =>
    api.post<BridgeDetail>(`${base}/${id}/bridges/${bridgeId}/status`, input),
  );
export const useUpdateBridge = (id: string, bridgeId: string) =>
  useInvalidating(
    (input: {
      place?: string | null;
      contactName?: string | null;
      contactPhone?: string | null;
      expected?: number;
      version: number;
    }) => api.patch<BridgeDetail>(`${base}/${id}/bridges/${bridgeId}`, input),
  );
export const useHeadCount = (id: string, bridgeId: string) =>
  useInvalidating((input: { headCount: number | null; version: number }) =>
    apiRequest<BridgeDetail>('PUT', `${base}/${id}/bridges/${bridgeId}/head-count`, { body: input }),
  );
export const useAddAttendee = (id: string, bridgeId: string) =>
  useInvalidating(
    (input: {
      fullName: string;
      position?: string | null;
      organisation?: string | null;
      categoryId?: string | null;
      isWalkIn?: boolean;
    }) => api.post<Attendee>(`${base}/${id}/bridges/${bridgeId}/attendees`, input),
  );
export const useDeleteAttendee = (id: string, bridgeId: string) =>
  useInvalidating((attendeeId: string) => api.delete(`${base}/${id}/bridges/${bridgeId}/attendees/${attendeeId}`));
export const useCheckIn = (id: string, bridgeId: string) =>
  useInvalidating((by: { token: string } | { attendeeId: string }) =>
    'token' in by
      ? api.post<{ attendee: Attendee; alreadyCheckedIn: boolean }>(`${base}/${id}/bridges/${bridgeId}/check-in`, by)
      : api.post<{ attendee: Attendee; alreadyCheckedIn: boolean }>(
          `${base}/${id}/bridges/${bridgeId}/attendees/${by.attendeeId}/check-in`,
        ),
  );
export const useUndoCheckIn = (id: string, bridgeId: string) =>
  useInvalidating((attendeeId: string) =>
    api.delete<Attendee>(`${base}/${id}/bridges/${bridgeId}/attendees/${attendeeId}/check-in`),
  );
export function useDraft(path: string, enabled = true) {
  return useQuery({
    queryKey: ['conferences', 'draft', path],
    queryFn: ({ signal }) => api.get<Draft>(path, undefined, signal),
    enabled,
    retry: false,
  });
}
export function useSaveDraft(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string | null; version: number }) => apiRequest<Draft>('PUT', path, { body: input }),
    onSuccess: (draft) => {
      queryClient.setQueryData(['conferences', 'draft', path], draft);
      return queryClient.invalidateQueries({ queryKey: conferenceKeys.all });
    },
  });
}

export const conferenceUrl = (path: string) => apiUrl(`${base}${path}`);
export const ROSTER_TEMPLATE_URL = apiUrl(`${base}/roster-template`);

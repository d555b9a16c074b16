import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, apiUrl } from '../../api/client';
import type {
  Grid,
  GridMonthInput,
  GridRow,
  MeetingDetail,
  MeetingFilters,
  MeetingForm,
  MeetingInput,
  MeetingStats,
  MeetingSummary,
} from './types';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (filters: MeetingFilters, page: number, pageSize: number) =>
    ['meetings', 'list', filters, page, pageSize] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  form: (unit: string | undefined, date: string) => ['meetings', 'form', unit, date] as const,
  grid: (unit: string, year: number) => ['meetings', 'grid', unit, year] as const,
  stats: (query: StatsQuery) => ['meetings', 'stats', query] as const,
};

export interface StatsQuery {
  unit: string;
  from: string;
  to: string;
  campaign?: string;
}

export function useMeetings(filters: MeetingFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: meetingKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<{ items: MeetingSummary[]; total: number }>('/meetings', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`/meetings/${id}`, undefined, signal),
    retry: false,
  });
}

export function useMeetingForm(unit: string | undefined, date: string) {
  return useQuery({
    queryKey: meetingKeys.form(unit, date),
    queryFn: ({ signal }) => api.get<MeetingForm>('/meetings/form', { unit, date }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useMeetingGrid(unit: string, year: number) {
  return useQuery({
    queryKey: meetingKeys.grid(unit, year),
    queryFn: ({ signal }) => api.get<Grid>('/meetings/grid', { unit, year }, signal),
    retry: false,
  });
}

export function useMeetingStats(query: StatsQuery) {
  return useQuery({
    queryKey: meetingKeys.stats(query),
    queryFn: ({ signal }) => api.get<MeetingStats>('/stats/meetings', { ...query }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** After any change lists, figures and grids are refetched; a meeting's page gets the server's answer at once. */
function useMeetingMutation<V>(call: (variables: V) => Promise<MeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      return queryClient.invalidateQueries({ queryKey: meetingKeys.all });
    },
  });
}

export function useCreateMeeting() {
  return useMeetingMutation((input: MeetingInput) => api.post<MeetingDetail>('/meetings', input));
}

export function useUpdateMeeting() {
  return useMeetingMutation(({ id, ...body }: Partial<MeetingInput> & { id: string; version: number }) =>
    api.patch<MeetingDetail>(`/meetings/${id}`, body),
  );
}

export function useDeleteMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.delete(`/meetings/${id}?version=${version}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export function useSaveGridRow(unit: string, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cellId, months }: { cellId: string; months: GridMonthInput[] }) =>
      apiRequest<GridRow>('PUT', `/meetings/grid/${cellId}`, { body: { year, months } }),
    onSuccess: (row) => {
      queryClient.setQueryData<Grid>(meetingKeys.grid(unit, year), (grid) =>
        grid ? { ...grid, rows: grid.rows.map((r) => (r.cell.id === row.cell.id ? row : r)) } : grid,
      );
      return queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'meetings' && query.queryKey[1] !== 'grid',
      });
    },
  });
}

export const IMPORT_TEMPLATE_URL = apiUrl('/meetings/import-template');

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { FigurePart, Overview, OverviewQuery, RecordsPage } from './types';

export const dashboardKeys = {
  overview: (query: OverviewQuery) => ['dashboard', 'overview', query] as const,
  records: (query: OverviewQuery, part: FigurePart, page: number) =>
    ['dashboard', 'records', query, part, page] as const,
};

/** The overview; always refetched on mount and focus (the server answers from the last saved record). */
export function useOverview(query: OverviewQuery) {
  return useQuery({
    queryKey: dashboardKeys.overview(query),
    queryFn: ({ signal }) => api.get<Overview>('/stats/overview', { ...query }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    retry: false,
  });
}

function recordsParams(query: OverviewQuery, part: FigurePart) {
  return {
    ...query,
    figure: part.figure,
    level: part.level,
    recipientType: part.recipientType,
    status: part.status,
    field: part.field,
    meetingType: part.meetingType,
    theme: part.theme,
    inspectionKind: part.inspectionKind,
    form: part.form,
    recommendationStatus: part.recommendationStatus,
    overdue: part.overdue,
  };
}

export function useFigureRecords(query: OverviewQuery, part: FigurePart | null, page: number, pageSize = 20) {
  return useQuery({
    queryKey: dashboardKeys.records(query, part!, page),
    queryFn: ({ signal }) =>
      api.get<RecordsPage>('/stats/overview/records', { ...recordsParams(query, part!), page, pageSize }, signal),
    enabled: part !== null,
    placeholderData: keepPreviousData,
  });
}

/** The XLSX of a figure's records (a plain link: the browser downloads it with the session cookie). */
export function recordsExportUrl(query: OverviewQuery, part: FigurePart): string {
  return apiUrl('/stats/overview/records.xlsx', recordsParams(query, part));
}

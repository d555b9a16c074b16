import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, ApiError } from '../../api/client';
import type {
  CatalogueEntry,
  Compare,
  Diff,
  Review,
  SubmissionDetail,
  SubmissionSummary,
  Template,
  Value,
} from './types';

export const reportKeys = {
  all: ['reports'] as const,
  templates: ['reports', 'templates'] as const,
  submissions: (mine: boolean) => ['reports', 'submissions', mine] as const,
  submission: (id: string) => ['reports', 'submission', id] as const,
  review: (template: string, period: string, unit: string) => ['reports', 'review', template, period, unit] as const,
};

export function useTemplates() {
  return useQuery({
    queryKey: reportKeys.templates,
    queryFn: ({ signal }) => api.get<{ items: Template[] }>('/reports/templates', undefined, signal),
  });
}

export function useCatalogue() {
  return useQuery({
    queryKey: ['reports', 'catalogue'],
    queryFn: ({ signal }) => api.get<{ items: CatalogueEntry[] }>('/reports/catalogue', undefined, signal),
    staleTime: Infinity,
  });
}

export function useSubmissions(mine: boolean) {
  return useQuery({
    queryKey: reportKeys.submissions(mine),
    queryFn: ({ signal }) =>
      api.get<{ items: SubmissionSummary[] }>('/reports/submissions', { mine: mine ? 'true' : undefined }, signal),
  });
}

export function useSubmission(id: string) {
  return useQuery({
    queryKey: reportKeys.submission(id),
    queryFn: ({ signal }) => api.get<SubmissionDetail>(`/reports/submissions/${id}`, undefined, signal),
    retry: false,
  });
}

export function useReview(template?: string, period?: string, unit?: string) {
  return useQuery({
    queryKey: reportKeys.review(template ?? '', period ?? '', unit ?? ''),
    queryFn: ({ signal }) => api.get<Review>('/reports/review', { template, period, unit }, signal),
    enabled: !!template && !!period && !!unit,
    retry: false,
  });
}

/** Every change answers the submission as it now is; lists and reviews are refetched. */
function useSubmissionMutation<V>(call: (variables: V) => Promise<SubmissionDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (detail) => {
      client.setQueryData(reportKeys.submission(detail.id), detail);
      return client.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}

export const useCreateSubmission = () =>
  useSubmissionMutation((body: { templateId: string; unitId: string; periodKey: string }) =>
    api.post<SubmissionDetail>('/reports/submissions', body),
  );

export const useSaveSubmission = () =>
  useSubmissionMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      values?: Record<string, Value>;
      sections?: Record<string, string>;
    }) => api.patch<SubmissionDetail>(`/reports/submissions/${id}`, body),
  );

export const useSubmissionStep = () =>
  useSubmissionMutation(
    ({
      id,
      step,
      ...body
    }: { id: string; step: 'submit' | 'refresh' | 'approve' | 'unlock' | 'return'; version: number } & Record<
      string,
      unknown
    >) => api.post<SubmissionDetail>(`/reports/submissions/${id}/${step}`, body),
  );

export function useDraftText() {
  return useMutation({
    mutationFn: (id: string) => api.post<{ sections: Record<string, string> }>(`/reports/submissions/${id}/draft-text`),
  });
}

export const fetchDiff = (id: string, a: number, b: number | 'current') =>
  api.get<Diff>(`/reports/submissions/${id}/diff/${a}/${b}`);
export const fetchCompare = (id: string) => api.get<Compare>(`/reports/submissions/${id}/compare`);

export function useRemind() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { template: string; period: string; unit: string }) =>
      api.post<{ units: number; notified: number }>('/reports/review/remind', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useIssueAggregateNumber() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { template: string; period: string; unit: string }) =>
      api.post<{ number: number; symbol: string; issuedOn: string }>('/reports/review/number', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports', 'review'] }),
  });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Template>('/reports/templates', body),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.templates }),
  });
}

export function useUpdateTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number } & Record<string, unknown>) =>
      api.patch<Template>(`/reports/templates/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.templates }),
  });
}

export function useAddObligation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      templateId,
      ...body
    }: {
      templateId: string;
      reviewerUnitId: string;
      unitKind?: string;
      reporterUnitId?: string;
    }) => api.post<Template>(`/reports/templates/${templateId}/obligations`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.templates }),
  });
}

export function useRemoveObligation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ templateId, id }: { templateId: string; id: string }) =>
      api.delete<Template>(`/reports/templates/${templateId}/obligations/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.templates }),
  });
}

export const downloadUrl = apiUrl;

/** POSTs and saves the DOCX the server answers (the interim review drafted from the records). */
export async function downloadInterimReview(body: Record<string, unknown>): Promise<void> {
  const response = await fetch(apiUrl('/reports/interim-review'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const error = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(response.status, (error.code as never) ?? 'INTERNAL', error.message ?? 'Lỗi tải báo cáo');
  }
  const blob = await response.blob();
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ? decodeURIComponent(name) : 'bao-cao-so-ket.docx';
  link.click();
  URL.revokeObjectURL(link.href);
}

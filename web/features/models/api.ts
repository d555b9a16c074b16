import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecognitionLevel } from '../../../common/models';
import { api, apiUrl } from '../../api/client';
import type { UnitRef } from '../auth/types';
import type { ModelDetail, ModelField, ModelFilters, ModelInput, ModelList } from './types';

export const modelKeys = {
  all: ['models'] as const,
  list: (filters: ModelFilters, page: number, pageSize: number) => ['models', 'list', filters, page, pageSize] as const,
  detail: (id: string) => ['models', 'detail', id] as const,
  fields: (includeInactive: boolean) => ['model-fields', includeInactive] as const,
};

export function useModels(filters: ModelFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: modelKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api.get<ModelList>('/models', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useModel(id: string) {
  return useQuery({
    queryKey: modelKeys.detail(id),
    queryFn: ({ signal }) => api.get<ModelDetail>(`/models/${id}`, undefined, signal),
    retry: false,
  });
}

export function useModelFields(includeInactive = false) {
  return useQuery({
    queryKey: modelKeys.fields(includeInactive),
    queryFn: ({ signal }) =>
      api.get<{ items: ModelField[]; abilities: { canManage: boolean } }>(
        '/model-fields',
        { includeInactive: includeInactive ? 'true' : undefined },
        signal,
      ),
    staleTime: 5 * 60_000,
  });
}

/** After any change a model's page and every list are refetched; the page gets the server's answer at once. */
function useModelMutation<V>(call: (variables: V) => Promise<ModelDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (model) => {
      queryClient.setQueryData(modelKeys.detail(model.id), model);
      return queryClient.invalidateQueries({ queryKey: modelKeys.all });
    },
  });
}

export function useCreateModel() {
  return useModelMutation((input: ModelInput) => api.post<ModelDetail>('/models', input));
}

export function useUpdateModel() {
  return useModelMutation(({ id, ...body }: Partial<ModelInput> & { id: string; version: number }) =>
    api.patch<ModelDetail>(`/models/${id}`, body),
  );
}

export function useRecogniseModel() {
  return useModelMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      level: RecognitionLevel;
      recognisedOn: string;
      decisionId?: string;
      note?: string;
      version: number;
    }) => api.post<ModelDetail>(`/models/${id}/recognise`, body),
  );
}

export function useAddReplication() {
  return useModelMutation(({ id, ...body }: { id: string; unitId: string; startedOn: string; note?: string }) =>
    api.post<ModelDetail>(`/models/${id}/replications`, body),
  );
}

export function useRemoveReplication() {
  return useModelMutation(({ id, replicationId }: { id: string; replicationId: string }) =>
    api.delete<ModelDetail>(`/models/${id}/replications/${replicationId}`),
  );
}

export function useArchiveModel() {
  return useModelMutation(({ id, ...body }: { id: string; reason: string; archivedOn?: string; version: number }) =>
    api.post<ModelDetail>(`/models/${id}/archive`, body),
  );
}

export function useSaveModelField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<Omit<ModelField, 'id'>> & { id?: string }) =>
      id ? api.patch<ModelField>(`/model-fields/${id}`, body) : api.post<ModelField>('/model-fields', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['model-fields'] }),
  });
}

/** A unit's code and name on `at`, for a unit known only by its id (a filter restored from the URL). */
export function useUnitLabel(id: string | undefined, at: string) {
  return useQuery({
    queryKey: ['models', 'unit-label', id, at],
    queryFn: ({ signal }) => api.get<UnitRef>(`/org-units/${id}`, { at }, signal),
    select: (unit): UnitRef => ({ id: unit.id, code: unit.code, name: unit.name }),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

/** The XLSX of what the filters show (the session cookie goes along with the link). */
export function exportUrl(filters: ModelFilters): string {
  return apiUrl('/models/export', { ...filters });
}

export const IMPORT_TEMPLATE_URL = apiUrl('/models/import-template');

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { DocumentList, DocumentSummary } from './types';

export const documentKeys = {
  all: ['documents'] as const,
  list: (entityType: string, entityId: string) => ['documents', entityType, entityId] as const,
};

export function useDocuments(entityType: string, entityId: string | undefined) {
  return useQuery({
    queryKey: documentKeys.list(entityType, entityId ?? ''),
    queryFn: ({ signal }) => api.get<DocumentList>('/documents', { entityType, entityId }, signal),
    enabled: !!entityId,
  });
}

export function useUploadDocument(entityType: string, entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, title }: { file: File; title?: string }) => {
      const form = new FormData();
      form.append('entityType', entityType);
      form.append('entityId', entityId);
      if (title) {
        form.append('title', title);
      }
      form.append('file', file, file.name);
      return api.upload<DocumentSummary>('/documents', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.list(entityType, entityId) }),
  });
}

export function useDeleteDocument(entityType: string, entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/documents/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentKeys.list(entityType, entityId) }),
  });
}

/** Where the browser downloads a document (the session cookie goes along); `inline` opens PDFs and images. */
export function documentUrl(id: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return apiUrl(`/documents/${id}/download`, disposition === 'inline' ? { disposition } : undefined);
}

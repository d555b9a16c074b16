import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../common/roles';
import { api } from '../../api/client';
import type { Grant } from '../auth/types';
import type { CreateUserInput, UserSummary } from './types';

export const userKeys = {
  all: ['users'] as const,
  list: (search: string, page: number, pageSize: number) => ['users', 'list', search, page, pageSize] as const,
};

export function useUsers(search: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: userKeys.list(search, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<{ items: UserSummary[]; total: number }>('/users', { search, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api.post<{ user: UserSummary; generatedPassword?: string }>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; fullName?: string; isDisabled?: boolean; version: number }) =>
      api.patch<{ user: UserSummary }>(`/users/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password?: string }) =>
      api.post<{ password: string }>(`/users/${id}/reset-password`, password ? { password } : {}),
    onSuccess: invalidate,
  });
}

export function useAddGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, unitId, role }: { userId: string; unitId: string; role: Role }) =>
      api.post<{ grant: Grant }>(`/users/${userId}/grants`, { unitId, role }),
    onSuccess: invalidate,
  });
}

export function useRemoveGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, grantId }: { userId: string; grantId: string }) =>
      api.delete(`/users/${userId}/grants/${grantId}`),
    onSuccess: invalidate,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { ME_QUERY_KEY } from '../../api/queryClient';
import type { DemoAccount, Me } from './types';

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        const { user } = await api.get<{ user: Me }>('/auth/me', undefined, signal);
        return user;
      } catch (error) {
        if (isApiError(error, 'UNAUTHENTICATED')) {
          return null;
        }
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useDemoAccounts() {
  return useQuery({
    queryKey: ['auth', 'demo-accounts'],
    queryFn: ({ signal }) => api.get<{ accounts: DemoAccount[] }>('/auth/demo-accounts', undefined, signal),
    select: (data) => data.accounts,
    staleTime: Infinity,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<{ user: Me }>('/auth/login', body),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, user);
    },
  });
}

function useSignOutMutation(path: '/auth/logout' | '/auth/logout-all') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(path),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

export function useLogout() {
  return useSignOutMutation('/auth/logout');
}

export function useLogoutAll() {
  return useSignOutMutation('/auth/logout-all');
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/auth/change-password', body),
  });
}

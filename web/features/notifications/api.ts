import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  isRead: boolean;
}

export interface NotificationList {
  unread: number;
  items: AppNotification[];
}

const KEY = ['notifications'] as const;

/** The caller's notifications, refreshed every minute and when the window regains focus. */
export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<NotificationList>('/notifications', undefined, signal),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      api.post<NotificationList>(id ? `/notifications/${id}/read` : '/notifications/read-all'),
    onSuccess: (list) => client.setQueryData(KEY, list),
  });
}

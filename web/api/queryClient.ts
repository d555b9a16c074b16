import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/**
 * Any answer 401 means the session ended (expired, signed out elsewhere): forget the user,
 * and RequireAuth sends the browser back to the sign-in page.
 */
function onAnyError(error: unknown): void {
  if (isApiError(error, 'UNAUTHENTICATED') && queryClient.getQueryData(ME_QUERY_KEY)) {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    queryClient.setQueryData(ME_QUERY_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (isApiError(error) && error.status > 0 && error.status < 500) {
          return false;
        }
        return failureCount < 2;
      },
    },
  },
});

import { Flex, Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';

/** Suspense for a lazily loaded page outside the shell (the sign-in page). */
export function LazyPage({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Spin size="large" />
        </Flex>
      }
    >
      {children}
    </Suspense>
  );
}

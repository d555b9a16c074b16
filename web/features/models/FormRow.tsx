import type { ReactNode } from 'react';

/** Form fields side by side on wide screens, one under the other on phones. */
export function FormRow({ children }: { children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', columnGap: 12 }}>
      {children}
    </div>
  );
}

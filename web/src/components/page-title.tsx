import type { ReactNode } from 'react';

/** The page's one h1; it takes focus after navigation so that screen readers announce the new page. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <h1 tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

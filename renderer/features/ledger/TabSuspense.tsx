import { Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';

/** While a tab's code is fetched the first time: a spinner as tall as a screen's first view, so the tab does not jump. */
export function TabSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div style={{ minHeight: 480, display: 'grid', placeItems: 'center' }} data-testid="tab-loading">
          <Spin description="正在载入…" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}

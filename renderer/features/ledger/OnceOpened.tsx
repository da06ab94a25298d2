import { Suspense, useState, type ReactNode } from 'react';

/**
 * A drawer whose code is fetched when it is first opened, then kept mounted so it closes with its animation and
 * opens again at once.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}

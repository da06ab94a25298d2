import { Button } from 'antd';
import type { ReactNode } from 'react';

/**
 * A name that opens its record: a button that looks like a link, so Tab reaches it and Enter opens it.
 * Inside a clickable row the row opens the same record; the click stops here so it opens once.
 */
export function OpenLink({
  children,
  onOpen,
  testId,
  nowrap = false,
}: {
  children: ReactNode;
  onOpen: () => void;
  testId?: string;
  /** Keep on one line (a date). */
  nowrap?: boolean;
}) {
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: nowrap ? 'nowrap' : 'normal', textAlign: 'start' }}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}

import { startTransition, useEffect, useState } from 'react';

/**
 * False until `ready` first holds, then true from a background render: what it guards is drawn once the rest of the
 * view is up, and the rest is not held back for it. For 覆盖概览's panels below the charts, off the first screen: at
 * 100,000 enterprises the breakdown table was a third of the render that brought the figures.
 */
export function useRevealAfter(ready: boolean): boolean {
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (ready && !revealed) startTransition(() => setRevealed(true));
  }, [ready, revealed]);
  return revealed;
}

/** Long enough for 覆盖概览 to be counted and drawn first. */
const SETTLE_MS = 1500;
const IDLE_WAIT_MS = 2000;

/**
 * Runs `work` once a ledger's first view has had the page to itself: SETTLE_MS after the call, when the page is next
 * idle. For what the other tabs need (their code, the pickers' lists), which would otherwise be fetched, parsed and
 * evaluated in the middle of 覆盖概览's drawing. Returns the cancel.
 */
export function afterFirstView(work: () => void): () => void {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    idle = window.requestIdleCallback(work, { timeout: IDLE_WAIT_MS });
  }, SETTLE_MS);
  return () => {
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * `<ledger>.open`, beside the ledger, holding the writer's process id: written when a ledger is opened for writing
 * and removed on a clean close. Found at open with its process gone, it means the program (or the computer) stopped
 * while the ledger was open — then the whole file is checked before use.
 */
export const markerPath = (ledgerPath: string): string => `${ledgerPath}.open`;

export function writeMarker(ledgerPath: string): void {
  try {
    writeFileSync(markerPath(ledgerPath), String(process.pid));
  } catch {
    // A folder that refuses the marker (read-only share, permissions) costs only the crash detection, not the open.
  }
}

export function removeMarker(ledgerPath: string): void {
  rmSync(markerPath(ledgerPath), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A marker whose process no longer runs (or that cannot be read as one): the last writer did not close cleanly. */
export function leftByCrash(ledgerPath: string): boolean {
  let text: string;
  try {
    text = readFileSync(markerPath(ledgerPath), 'utf8').trim();
  } catch {
    return false;
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  return pid !== process.pid && !alive(pid);
}

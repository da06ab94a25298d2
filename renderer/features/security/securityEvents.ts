import type { LockSettings } from '../../../shared/ipc/lock';

/**
 * Tells the app shell (header 锁定 button, idle timer) what 台账设置 → 密码与锁定 changed, without remounting the
 * ledger screen: a password set or removed changes whether the ledger can be locked, and the idle time is read once.
 */
type Listener = (change: { lockSettings?: LockSettings; encryptionChanged?: boolean }) => void;

const listeners = new Set<Listener>();

export function onSecurityChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifySecurityChange(change: Parameters<Listener>[0]): void {
  for (const listener of listeners) listener(change);
}

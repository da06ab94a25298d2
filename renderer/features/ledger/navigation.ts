import { createContext, useContext } from 'react';

/** The ledger screen's tabs. */
export type LedgerTab =
  'list' | 'reminders' | 'orgs' | 'members' | 'instructors' | 'leaders' | 'workGroups' | 'workLogs' | 'settings';

/** Records a screen can open from anywhere (a reminder, a link in a detail): the ledger screen switches tab. */
export type OpenTarget =
  | { kind: 'enterprise'; id: number }
  | { kind: 'org'; id: number }
  | { kind: 'member'; id: number }
  | { kind: 'instructor'; id: number }
  | { kind: 'leader'; id: number }
  | { kind: 'workGroup'; id: number }
  | { kind: 'workLog'; id: number };

export interface LedgerNav {
  open(target: OpenTarget): void;
  /** Every change to the ledger's data moves this on; lists and counts re-read when it does. */
  generation: number;
  /** Call after any write so every screen re-reads. */
  changed(): void;
  readOnly: boolean;
}

export const LedgerNavContext = createContext<LedgerNav | null>(null);

export function useLedgerNav(): LedgerNav {
  const nav = useContext(LedgerNavContext);
  if (!nav) throw new Error('useLedgerNav outside the ledger screen');
  return nav;
}

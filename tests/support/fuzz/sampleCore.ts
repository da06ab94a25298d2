import { join } from 'node:path';
import type { Result } from '../../../shared/ipc';
import type { RecentLedger } from '../../../shared/ipc/ledgers';
import type { CoreClient } from '../../../electron/core/host/coreClient';
import { inProcessCore } from '../../../electron/core/host/inProcessCore';

export interface SampleCore {
  core: CoreClient;
  /** The open ledger's file, for reading it through a second connection. */
  ledgerPath: string;
  dataDir: string;
}

function valueOf<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A real sample ledger (enterprises, party organisations, plans, change log) opened through the core, in `dataDir`. */
export async function openSampleCore(dataDir: string, enterprises = 40): Promise<SampleCore> {
  const core = inProcessCore({ dataDir, actor: '安全测试' });
  valueOf(await core.invoke('ledgers:createSample', { enterprises, seed: 20261121 }), 'ledgers:createSample');
  const [recent] = valueOf<RecentLedger[]>(await core.invoke('ledgers:listRecent', {}), 'ledgers:listRecent');
  if (!recent) throw new Error('the sample ledger is not among the recent ledgers');
  return { core, ledgerPath: join(recent.folder, recent.fileName), dataDir };
}

/** "The core still answers": a simple read on the open ledger comes back ok. */
export async function coreAnswers(core: CoreClient): Promise<boolean> {
  const result = await core.invoke('ledgers:summary', {});
  return result.ok;
}

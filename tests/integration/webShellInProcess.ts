import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreClient } from '../../electron/core/host/coreClient';
import { startWebShell, type WebShell } from '../../electron/web/server';

/**
 * The browser shell's real server in the test's own process, over the given core, its folders under `dataDir`
 * (the e2e tests start the built one instead: tests/support/webShell.ts). The caller closes it.
 */
export async function inProcessWebShell(core: CoreClient, dataDir: string): Promise<WebShell> {
  const staticDir = join(dataDir, 'static');
  mkdirSync(staticDir, { recursive: true });
  return startWebShell({
    core,
    staticDir,
    dataDir,
    freshLedgerPath: (base) => join(dataDir, 'ledgers', `${base}.yqyc`),
  });
}

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AppErrorShape, Result } from '../../shared/ipc';
import type { CoreClient } from '../../electron/core/host/coreClient';

export async function valueOf<T>(core: CoreClient, channel: string, payload: unknown = {}): Promise<T> {
  const result = (await core.invoke(channel, payload)) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export async function errorOf(core: CoreClient, channel: string, payload: unknown = {}): Promise<AppErrorShape> {
  const result = await core.invoke(channel, payload);
  expect(result.ok, `${channel} should fail`).toBe(false);
  return (result as { error: AppErrorShape }).error;
}

/** Does the file hold these bytes anywhere (plain text left behind by a cipher that did not cover everything)? */
export function fileContains(path: string, text: string): boolean {
  return readFileSync(path).includes(Buffer.from(text, 'utf8'));
}

export const startsPlain = (path: string): boolean =>
  readFileSync(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';

const KILLED_MIDWAY = `
import { CoreContext } from './electron/core/app/context.ts';
import { openLedgerAt } from './electron/core/services/ledgers.ts';
import { setPassword } from './electron/core/services/encryption.ts';
const [path, dataDir] = process.argv.slice(1);
const ctx = new CoreContext({ dataDir });
openLedgerAt(ctx, path);
setPassword(ctx, 'secret-pass-1', {
  beforeSwap: () => {
    process.stdout.write('swapping\\n');
    process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('finished\\n');
`;

/**
 * A real process that sets a password and is SIGKILLed at the moment that matters: the encrypted copy written and
 * checked, the ledger still open and not yet replaced. Returns what the process printed.
 */
export async function killDuringSetPassword(path: string, dataDir: string, backupDir: string): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', KILLED_MIDWAY, path, dataDir],
    {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, YIQIYICE_BACKUP_DIR: backupDir },
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  expect(signal).toBe('SIGKILL');
  return out;
}

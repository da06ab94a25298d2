import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder: YIQIYICE_DATA_DIR when set (tests, portable installs), else the platform's per-user data
 * folder — %APPDATA%\yiqiyice on Windows, $XDG_DATA_HOME/yiqiyice or ~/.local/share/yiqiyice on Linux.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.YIQIYICE_DATA_DIR) return env.YIQIYICE_DATA_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'yiqiyice');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'yiqiyice');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'yiqiyice');
}

/** Ledgers made or uploaded through the screens live here; the command line writes wherever it is told. */
export function ledgersDirOf(dataDir: string): string {
  return join(dataDir, 'ledgers');
}

export const LEDGER_EXTENSION = '.yqyc';

/** A file name in the data folder from the township's name, numbered when taken: 长乐镇.yqyc, 长乐镇(2).yqyc … */
export function freshLedgerPath(ledgersDir: string, base: string): string {
  const safe =
    base
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^\.+/, '')
      .slice(0, 60) || '台账';
  for (let n = 1; ; n++) {
    const path = join(ledgersDir, `${safe}${n === 1 ? '' : `(${n})`}${LEDGER_EXTENSION}`);
    if (!existsSync(path)) return path;
  }
}

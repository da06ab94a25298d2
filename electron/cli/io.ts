import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Result } from '../../shared/ipc';
import type { CoreClient } from '../core/host/coreClient';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Calls a channel and unwraps its result, turning a refusal into the clerk-facing message. */
export async function call<T>(core: CoreClient, channel: string, payload: unknown): Promise<T> {
  const result = (await core.invoke(channel, payload)) as Result<T>;
  if (!result.ok) throw new CliError(result.error.message);
  return result.value;
}

export function ledgerPath(raw: string | boolean | undefined, flag: string): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new CliError(`缺少 ${flag} 参数（台账文件路径）`, 2);
  if (extname(raw).toLowerCase() !== '.yqyc') throw new CliError(`${flag} 应为 .yqyc 台账文件，实际为“${raw}”`, 2);
  return resolve(raw);
}

export function positiveInt(raw: string | boolean | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw))
    throw new CliError(`${flag} 应为非负整数，实际为“${String(raw)}”`, 2);
  return Number(raw);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** The variable an encrypted ledger's password may come from (engineering.md §3: never a command-line argument). */
export const PASSWORD_ENV = 'YIQIYICE_PASSWORD';

/**
 * An encrypted ledger's password (or recovery key): the first line of `--password-file FILE`, else the variable
 * YIQIYICE_PASSWORD, else none — a plain ledger needs none, and an encrypted one is then refused with the reason.
 * Never an argument of its own: arguments are visible to every user of the computer in the process list.
 */
export function ledgerPassword(values: Record<string, string | boolean | undefined>): string | undefined {
  const file = values['password-file'];
  if (file !== undefined) {
    if (typeof file !== 'string' || file.trim() === '')
      throw new CliError('缺少 --password-file 参数（密码文件路径）', 2);
    let text: string;
    try {
      text = readFileSync(resolve(file), 'utf8');
    } catch (e) {
      const why =
        (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : e instanceof Error ? e.message : String(e);
      throw new CliError(`无法读取密码文件“${file}”：${why}`, 2);
    }
    // A file saved by an editor ends in a newline (and on Windows a BOM and CRLF), which are not part of the password.
    const password = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    if (password === '') throw new CliError(`密码文件“${file}”的第一行是空的`, 2);
    return password;
  }
  const fromEnv = process.env[PASSWORD_ENV];
  return fromEnv ? fromEnv : undefined;
}

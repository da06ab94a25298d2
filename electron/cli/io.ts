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

import { vi } from 'vitest';
import { COMMANDS } from '../../electron/cli/commands';
import type { CoreClient } from '../../electron/core/host/coreClient';

/** Runs a command in this process, as main.ts would, and returns what it printed to standard output. */
export async function runCommand(
  name: string,
  core: CoreClient,
  values: Record<string, string | boolean | undefined>,
): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await COMMANDS[name]!.run(core, values);
  } finally {
    write.mockRestore();
  }
  return out;
}

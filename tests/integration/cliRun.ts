import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run cli -- …args` as a clerk would, in its own process with its own data folder, and returns how it
 * ended: exit code 0 with its output, or the non-zero code with what it printed.
 */
export function npmCli(args: string[], dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<CliOutcome> {
  const exec = promisify(execFile);
  return exec('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...env, YIQIYICE_DATA_DIR: dataDir },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: CliOutcome) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

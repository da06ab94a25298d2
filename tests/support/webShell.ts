import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningShell {
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts the built browser shell (out/node/web.js) on a free port over `dataDir`, as a clerk's `npm start` would. */
export async function startWebShell(dataDir: string): Promise<RunningShell> {
  const child: ChildProcess = spawn(process.execPath, ['out/node/web.js', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Daily, import and migration backups go beside the test's data, never into the home folder's default.
    env: { ...process.env, YIQIYICE_BACKUP_DIR: process.env.YIQIYICE_BACKUP_DIR ?? join(dataDir, 'backups') },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`web shell did not start: ${stderr}`)), 20_000);
    lines.on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`web shell exited (${code}): ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

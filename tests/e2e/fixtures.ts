import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebShell, type RunningShell } from '../support/webShell';

/** Each test gets its own data folder and its own browser shell, so tests never see each other's ledgers. */
export const test = base.extend<{ dataDir: string; shell: RunningShell }>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'yqyc-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  shell: async ({ dataDir }, use) => {
    const shell = await startWebShell(dataDir);
    await use(shell);
    await shell.stop();
  },
});

export { expect };

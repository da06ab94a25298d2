import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, test } from './fixtures';

// The browser shell inherits this: backups go to a folder of the test's own, never the tester's home folder.
const backupDir = mkdtempSync(join(tmpdir(), 'yqyc-e2e-backups-'));
// Set for this file's tests only: a Playwright worker runs other files after it, whose shells keep their backups
// beside their own data folder (tests/support/webShell.ts).
test.beforeAll(() => {
  process.env.YIQIYICE_BACKUP_DIR = backupDir;
});
test.afterAll(() => {
  delete process.env.YIQIYICE_BACKUP_DIR;
  rmSync(backupDir, { recursive: true, force: true });
});

/**
 * Damage as a failing disk leaves it: the body of one b-tree page (the change log's entity index, which opening
 * never reads) overwritten, the page header and page 1 intact.
 */
function corruptIndexPage(path: string): void {
  const raw = new Database(path, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const root = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'change_log_entity'").pluck().get();
  raw.close();
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize - 16, 0xa5), 0, pageSize - 16, ((root as number) - 1) * pageSize + 8);
  } finally {
    closeSync(fd);
  }
}

/** The one ledger file under the data folder (the sample ledger is made there). */
function ledgerFile(dataDir: string): string {
  const found = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yqyc'));
  expect(found).toHaveLength(1);
  return join(dataDir, found[0]!);
}

async function settled(table: Locator) {
  await expect(table).toHaveAttribute('data-loading', 'false');
}

async function areaOf(table: Locator, name: string): Promise<string> {
  const row = table.getByTestId('enterprise-row').filter({ hasText: name });
  return (await row.locator('[data-col="areaName"]').innerText()).trim();
}

/** Moves one enterprise to `area` with the list's bulk change, as a clerk would for one ticked row. */
async function moveTo(page: Page, table: Locator, name: string, area: string) {
  await table.getByLabel(`选择 ${name}`).check();
  await page.getByRole('button', { name: '修改所在区域', exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '所在区域' });
  await dialog.getByRole('combobox').click();
  await page.keyboard.type(area);
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText(area);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await settled(table);
  await expect.poll(() => areaOf(table, name)).toBe(area);
}

test('undo and redo an edit from the keyboard; back up, change, restore from 台账设置 and the change is gone', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByRole('tab', { name: '企业台账' }).click();
  const table = page.getByTestId('enterprise-table');
  await settled(table);
  await page.getByTestId('enterprise-search').fill('机械有限公司');
  await settled(table);
  const name = (await table.getByTestId('enterprise-row').first().locator('[data-col="name"]').innerText()).trim();
  const original = await areaOf(table, name);
  const moved = original === '青坛村' ? '东门村' : '青坛村';

  await moveTo(page, table, name, moved);
  // The shortcuts belong to the screen, not to the search field.
  await page.getByTestId('ledger-title').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => areaOf(table, name)).toBe(original);
  await expect(page.getByTestId('redo-button')).toBeEnabled();
  await page.keyboard.press('Control+y');
  await expect.poll(() => areaOf(table, name)).toBe(moved);
  await expect(page.getByTestId('undo-button')).toContainText('撤销：批量修改所在区域');
  await page.keyboard.press('Control+z');
  await expect.poll(() => areaOf(table, name)).toBe(original);
  await expect(page.getByTestId('redo-button')).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => areaOf(table, name)).toBe(moved);
  await expect(page.getByTestId('redo-button')).toBeDisabled();

  // 立即备份 while it stands in `moved`.
  await page.getByRole('tab', { name: '台账设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  const section = page.getByTestId('backup-section');
  await expect(section.getByTestId('backup-folder')).toHaveText(backupDir);
  await section.getByTestId('backup-now').click();
  const manual = section.getByTestId('backup-list').locator('tr', { hasText: '手动备份' });
  await expect(manual).toHaveCount(1);

  // A change after the backup…
  await page.getByRole('tab', { name: '企业台账' }).click();
  await settled(table);
  await moveTo(page, table, name, original);

  // …is gone once the backup is restored.
  await page.getByRole('tab', { name: '台账设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await manual.getByTestId('backup-restore').click();
  const confirm = page.getByRole('dialog').filter({ hasText: '恢复前会先把当前台账备份一份' });
  await expect(confirm).toBeVisible();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByText(/已恢复到 .* 的备份/)).toBeVisible();

  await page.getByRole('tab', { name: '企业台账' }).click();
  const again = page.getByTestId('enterprise-table');
  await settled(again);
  await page.getByTestId('enterprise-search').fill(name);
  await settled(again);
  await expect.poll(() => areaOf(again, name)).toBe(moved);

  // The ledger as it was before the restore was kept, so the restore itself can be taken back.
  await page.getByRole('tab', { name: '台账设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByTestId('backup-list').locator('tr', { hasText: '恢复前' })).toHaveCount(1);
});

test('a damaged ledger opens read-only with the offer to restore the newest backup, and 恢复最新备份 makes it whole', async ({
  page,
  shell,
  dataDir,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByRole('tab', { name: '台账设置' }).click();
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-list').locator('tr', { hasText: '手动备份' })).toHaveCount(1);
  await page.getByRole('button', { name: '返回开始页' }).click();
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');

  // The disk damages a page, and the program had stopped without closing (its marker left behind, its process
  // gone): the next open checks the whole file before use.
  const path = ledgerFile(dataDir);
  corruptIndexPage(path);
  const gone = spawnSync(process.execPath, ['-e', '']).pid;
  writeFileSync(`${path}.open`, String(gone));

  await page.getByTestId('recent-list').getByRole('button', { name: '打开' }).first().click();
  const banner = page.getByTestId('damaged-banner');
  await expect(banner).toContainText('台账文件已损坏');
  await expect(page.getByText('只读', { exact: true })).toBeVisible();
  await banner.getByRole('button', { name: '恢复最新备份' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '恢复前会先把当前台账备份一份' })).toBeVisible();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByText(/已恢复到 .* 的备份/)).toBeVisible();
  await expect(banner).toBeHidden();
  await expect(page.getByText('只读', { exact: true })).toBeHidden();

  // Whole again: the check passes and the data is the backup's.
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBeGreaterThan(500);
  } finally {
    db.close();
  }
});

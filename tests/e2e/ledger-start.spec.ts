import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startWebShell } from '../support/webShell';
import { expect, test } from './fixtures';

test('creates a ledger from the start screen, refusing an empty township first', async ({ page, shell, dataDir }) => {
  await page.goto(shell.url);
  const form = page.getByTestId('create-ledger-form');
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');

  await form.getByRole('button', { name: '新建台账' }).click();
  await expect(form.getByText('请填写乡镇名称')).toBeVisible();
  expect(existsSync(join(dataDir, 'ledgers', '长乐镇.yqyc'))).toBe(false);

  await form.getByLabel('乡镇名称').fill('长乐镇');
  // 党委全称 and 代字 follow the township until edited.
  await expect(form.getByLabel('党委全称')).toHaveValue('中共长乐镇委员会');
  await expect(form.getByLabel('发文机关代字')).toHaveValue('长委');
  await form.getByRole('button', { name: '新建台账' }).click();

  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
  await expect(page.getByTestId('ledger-screen')).toContainText('长乐镇.yqyc');
  // The ledger opens on 覆盖概览; its list is a tab away.
  await page.getByRole('tab', { name: '企业台账' }).click();
  await expect(page.getByTestId('enterprise-table')).toContainText('暂无数据');
  expect(existsSync(join(dataDir, 'ledgers', '长乐镇.yqyc'))).toBe(true);
});

test('a 代字 with brackets is refused beside the field', async ({ page, shell }) => {
  await page.goto(shell.url);
  const form = page.getByTestId('create-ledger-form');
  await form.getByLabel('乡镇名称').fill('长乐镇');
  await form.getByLabel('发文机关代字').fill('长委〔2026〕');
  await form.getByRole('button', { name: '新建台账' }).click();
  await expect(form.getByText('发文机关代字不应包含括号或数字')).toBeVisible();
  await expect(page.getByTestId('ledger-screen')).toHaveCount(0);
});

test('opens the sample, lists its enterprises, shows one in detail; a restart goes straight back to it, and after 关闭台账 to the start screen, which lists it', async ({
  page,
  shell,
  dataDir,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
  await page.getByRole('tab', { name: '企业台账' }).click();

  const table = page.getByTestId('enterprise-table');
  await expect(table.getByText('共 600 家')).toBeVisible();
  const rows = table.getByTestId('enterprise-row');
  // Only the rows in view are drawn (the list is virtualised), and they arrive in blocks from the core.
  await expect(rows.nth(9)).toBeVisible();
  expect(await rows.count()).toBeLessThan(100);
  // Every row shows a size band (A–D or 不详) computed from its employees and revenue.
  await expect(rows.first().locator('[data-col="sizeBand"]')).toHaveText(/^(A|B|C|D)类|不详/);

  const firstName = (await rows.first().locator('[data-col="name"]').innerText()).trim();
  await rows.first().click();
  const detail = page.getByTestId('enterprise-detail');
  await expect(detail.getByText('企业性质清')).toBeVisible();
  await expect(detail.locator('.ant-drawer-title')).toHaveText(firstName);
  await detail.getByRole('button', { name: 'Close' }).or(detail.locator('.ant-drawer-close')).first().click();

  // Sort by employees, largest first: the first row has the most employees on the page.
  const header = table.getByRole('columnheader', { name: '从业人员' });
  await header.click();
  await header.click();
  await expect(table).toHaveAttribute('data-sort', 'employees:desc');
  await expect(table).toHaveAttribute('data-loading', 'false');
  const employees = await rows.locator('[data-col="employees"]').allInnerTexts();
  const numbers = employees.map((t) => Number(t.replace(/[^\d]/g, '')));
  expect(numbers[0]).toBeGreaterThanOrEqual(numbers[numbers.length - 1]!);
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  // The program stopped with the ledger open: the next start opens it again, with no start screen in between.
  await shell.stop();
  const restarted = await startWebShell(dataDir);
  try {
    await page.goto(restarted.url);
    await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loading', 'false');
    await expect(page.getByTestId('start-screen')).toHaveCount(0);
    await page.getByTestId('menu-F').click();
    await page.locator('.ant-dropdown:visible [role="menuitem"][data-menu-id$="-file.closeLedger"]').click();
    await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  } finally {
    await restarted.stop();
  }

  // Closed with 关闭台账: the start after that shows the start screen, where the recent list opens it.
  const again = await startWebShell(dataDir);
  try {
    await page.goto(again.url);
    const recent = page.getByTestId('recent-list');
    await expect(recent).toContainText('长乐镇');
    await expect(recent).toContainText(/示例台账-\d{8}\.yqyc/);
    await recent.getByRole('button', { name: '打开' }).first().click();
    await page.getByRole('tab', { name: '企业台账' }).click();
    await expect(page.getByTestId('enterprise-table').getByText('共 600 家')).toBeVisible();
  } finally {
    await again.stop();
  }
});

test('opens a ledger file chosen by the clerk, and refuses a file that is not a ledger', async ({
  page,
  shell,
}, testInfo) => {
  const { execFileSync } = await import('node:child_process');
  const ledger = testInfo.outputPath('外来台账.yqyc');
  execFileSync(process.execPath, ['out/node/cli.js', 'sample', '--out', ledger, '--enterprises', '30', '--seed', '7'], {
    env: { ...process.env, YIQIYICE_DATA_DIR: testInfo.outputPath('cli-data') },
  });
  const notLedger = testInfo.outputPath('名单.yqyc');
  (await import('node:fs')).writeFileSync(notLedger, '这不是台账');

  await page.goto(shell.url);
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开台账文件…' }).click();
  await (await chooser).setFiles(notLedger);
  await expect(page.getByText('该文件不是“一企一策”台账文件')).toBeVisible();
  await expect(page.getByTestId('ledger-screen')).toHaveCount(0);

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '打开台账文件…' }).click();
  await (await chooser).setFiles(ledger);
  await page.getByRole('tab', { name: '企业台账' }).click();
  await expect(page.getByTestId('enterprise-table').getByText('共 30 家')).toBeVisible();
  await expect(page.getByTestId('ledger-screen')).toContainText('外来台账.yqyc');
});

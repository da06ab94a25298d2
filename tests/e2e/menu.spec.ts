import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { menuCommands, menuEntry, type MenuCommand } from '../../shared/menu/appMenu';
import { expect, test } from './fixtures';

// The browser shell inherits this: 立即备份 writes into a folder of the test's own, never the tester's home folder.
const backupDir = mkdtempSync(join(tmpdir(), 'yqyc-e2e-menu-backups-'));
// Set for this file's tests only: a Playwright worker runs other files after it, whose shells keep their backups
// beside their own data folder (tests/support/webShell.ts).
test.beforeAll(() => {
  process.env.YIQIYICE_BACKUP_DIR = backupDir;
});
test.afterAll(() => {
  delete process.env.YIQIYICE_BACKUP_DIR;
  rmSync(backupDir, { recursive: true, force: true });
});

/** The menu item as the bar shows it (its group opened). */
async function menuItem(page: Page, command: MenuCommand): Promise<Locator> {
  const { group, entry } = menuEntry(command);
  await page.getByTestId(`menu-${group.accessKey}`).click();
  const item = page.locator(`.ant-dropdown:visible [role="menuitem"][data-menu-id$="-${command}"]`);
  await expect(item).toContainText(entry.label);
  return item;
}

/** Clicks somewhere inert (the title), so the next key press goes to no field, row or dialog. */
async function blur(page: Page) {
  await page.getByRole('heading', { name: '「一企一策」非公企业党建台账' }).click();
}

const chosen = new Set<MenuCommand>();

/** Chooses a command from the bar, as the clerk clicks it. */
async function choose(page: Page, command: MenuCommand) {
  const item = await menuItem(page, command);
  await expect(item).not.toHaveAttribute('aria-disabled', 'true');
  await item.click();
  await expect(page.locator('.ant-dropdown:visible')).toHaveCount(0);
  chosen.add(command);
}

const activeTab = (page: Page) => page.getByTestId('ledger-screen').locator('.ant-tabs-tab-active').first();
const dialog = (page: Page, title: string | RegExp) =>
  page.locator('[role="dialog"]:visible').filter({ hasText: title }).last();

async function closeDialog(page: Page) {
  await page.locator('.ant-modal-close:visible, .ant-drawer-close:visible').last().click();
  await expect(page.locator('[role="dialog"]:visible')).toHaveCount(0);
}

async function toast(page: Page, text: string | RegExp) {
  await expect(page.locator('.ant-message').filter({ hasText: text }).last()).toBeVisible();
}

test('the start screen: ledger commands are greyed out, the rest open what their buttons open', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');

  // Every command that needs a ledger is disabled in the bar; the others are not.
  for (const command of menuCommands()) {
    const { entry } = menuEntry(command);
    const item = await menuItem(page, command);
    if (entry.kind === 'command' && entry.needsLedger) await expect(item).toHaveAttribute('aria-disabled', 'true');
    else await expect(item).not.toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
  }
  // The browser's own (撤销, 复制, 放大, 退出) are not drawn.
  await page.getByTestId('menu-E').click();
  await expect(page.locator('.ant-dropdown:visible').getByRole('menuitem')).toHaveText([/查找企业\s*Ctrl\+F/]);
  await page.keyboard.press('Escape');

  // A shortcut whose command needs a ledger says why it did nothing.
  await page.keyboard.press('Control+f');
  await toast(page, '请先打开台账，再使用“查找企业”');

  // 新建台账: the cursor goes to the form's first field.
  await blur(page);
  await choose(page, 'file.newLedger');
  await expect(page.getByTestId('create-ledger-form').locator('input').first()).toBeFocused();

  // 打开台账 (and Ctrl+O) bring up the file chooser for a ledger file.
  const viaMenu = page.waitForEvent('filechooser');
  await choose(page, 'file.openLedger');
  expect(await (await viaMenu).element().getAttribute('accept')).toBe('.yqyc');
  const viaKey = page.waitForEvent('filechooser');
  await blur(page);
  await page.keyboard.press('Control+o');
  expect(await (await viaKey).element().getAttribute('accept')).toBe('.yqyc');

  // 关于: the version, where the files are, the shell, and the licences.
  await choose(page, 'help.about');
  const about = page.getByTestId('about-modal');
  await expect(about.getByTestId('about-version')).toHaveText('0.1.0');
  await expect(about).toContainText('浏览器版');
  await expect(about).toContainText(backupDir);
  expect(await about.getByTestId('about-licence').count()).toBeGreaterThan(0);
  await closeDialog(page);

  // 本页帮助 on the start screen: its own text.
  await choose(page, 'help.screen');
  await expect(page.getByTestId('help-drawer')).toContainText('帮助：开始页');
  await closeDialog(page);

  // 本机设置 with no ledger: this PC's settings.
  await choose(page, 'file.preferences');
  await expect(page.getByTestId('prefs-drawer').getByTestId('prefs-font')).toBeVisible();
  await closeDialog(page);

  // 操作手册, read in the app: the guide's chapters, with its screenshots inlined.
  await choose(page, 'help.guide');
  const guide = page.frameLocator('[data-testid="guide-frame"]');
  await expect(guide.locator('h1')).toContainText('操作手册');
  await expect(guide.locator('h2').first()).toContainText('1 建立台账');
  expect(await guide.locator('h2').count()).toBeGreaterThanOrEqual(9);
  expect(await guide.locator('img[src^="data:image/png;base64,"]').count()).toBeGreaterThan(20);
  await closeDialog(page);

  // …and printed to PDF by the core, with no ledger open: the preview names its pages, 保存PDF keeps it.
  await choose(page, 'help.guidePdf');
  const preview = page.getByTestId('pdf-preview');
  await expect(preview).toContainText('操作手册');
  const frame = page.getByTestId('pdf-frame');
  await expect(frame).toHaveAttribute('data-file-name', '一企一策党建台账操作手册.pdf');
  expect(Number(await frame.getAttribute('data-pages'))).toBeGreaterThanOrEqual(10);
  await expect(page.getByTestId('pdf-font-warning')).toHaveCount(0);
  await closeDialog(page);

  // 全县汇总: the files to read are chosen first.
  await choose(page, 'file.countyView');
  await expect(page.getByTestId('county-picker')).toBeVisible();
});

test('with the sample open every command of the bar reaches its screen, and the shortcuts do too', async ({
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await choose(page, 'file.openSample');
  await expect(page.getByTestId('ledger-screen')).toBeVisible();
  await expect(activeTab(page)).toHaveText('覆盖概览');

  // 视图: each tab from the bar, then from Ctrl+1…5.
  const views: [MenuCommand, string, string][] = [
    ['view.enterprises', '企业台账', '2'],
    ['view.reminders', '提醒', '3'],
    ['view.plans', '一企一策', '4'],
    ['view.documents', '公文', '5'],
    ['view.dashboard', '覆盖概览', '1'],
  ];
  for (const [command, tab] of views) {
    await choose(page, command);
    await expect(activeTab(page)).toContainText(tab);
  }
  for (const [, tab, key] of views) {
    await blur(page);
    await page.keyboard.press(`Control+${key}`);
    await expect(activeTab(page)).toContainText(tab);
  }

  // 查找企业: the 企业台账 tab, the cursor in its search box.
  await choose(page, 'edit.find');
  await expect(activeTab(page)).toContainText('企业台账');
  await expect(page.getByTestId('enterprise-search')).toBeFocused();
  await blur(page);
  await choose(page, 'view.dashboard');
  await blur(page);
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('enterprise-search')).toBeFocused();

  // 台账
  await choose(page, 'ledger.newEnterprise');
  await expect(dialog(page, '新增企业')).toBeVisible();
  await closeDialog(page);
  await blur(page);
  await page.keyboard.press('Control+Shift+N');
  await expect(dialog(page, '新增企业')).toBeVisible();
  await closeDialog(page);

  await choose(page, 'ledger.import');
  await expect(dialog(page, '导入表格')).toBeVisible();
  await closeDialog(page);
  await blur(page);
  await page.keyboard.press('Control+i');
  await expect(dialog(page, '导入表格')).toBeVisible();
  await closeDialog(page);

  const before = readdirSync(backupDir).length;
  await choose(page, 'ledger.backupNow');
  await expect(activeTab(page)).toContainText('台账设置');
  await toast(page, /已备份：.+\.yqyc/);
  await expect.poll(() => readdirSync(backupDir).length).toBe(before + 1);
  const made = readdirSync(backupDir).filter((f) => f.endsWith('.yqyc'));
  await expect(page.getByTestId('backup-section')).toContainText(made[made.length - 1]!.slice(0, 12));

  await choose(page, 'doc.fonts');
  await expect(page.getByTestId('print-settings')).toBeVisible();
  await choose(page, 'ledger.restore');
  await expect(page.getByTestId('backup-section')).toBeVisible();
  await expect(page.getByTestId('backup-restore').first()).toBeVisible();

  await choose(page, 'view.dashboard');
  await choose(page, 'ledger.settings');
  await expect(activeTab(page)).toContainText('台账设置');

  // The sample has no password: 锁定 says how to set one.
  await choose(page, 'ledger.lock');
  await toast(page, '此台账没有设置密码，不能锁定');

  // 报表: the export dialog preset to the report.
  const reports: [MenuCommand, string][] = [
    ['report.ledger', '台账明细表'],
    ['report.partyStats', '非公有经济控制的企业法人单位建立党的基层组织情况'],
    ['report.coverage', '非公有制企业党组织覆盖情况统计表'],
  ];
  for (const [command, report] of reports) {
    await choose(page, command);
    const exporting = dialog(page, '导出报表');
    await expect(exporting.locator('.ant-select-content, .ant-select-selection-item').first()).toContainText(report);
    await closeDialog(page);
  }
  await choose(page, 'report.template');
  await expect(dialog(page, '按上级模板填报')).toBeVisible();
  await closeDialog(page);
  await choose(page, 'report.snapshot');
  await expect(activeTab(page)).toContainText('覆盖概览');
  await expect(dialog(page, '生成统计快照')).toBeVisible();
  await closeDialog(page);

  // 公文
  await choose(page, 'doc.register');
  await expect(activeTab(page)).toContainText('公文');
  await expect(page.getByTestId('doc-register')).toBeVisible();
  await choose(page, 'doc.new');
  await expect(dialog(page, '新建公文')).toBeVisible();
  await closeDialog(page);
  await choose(page, 'doc.ledgerCards');
  await expect(activeTab(page)).toContainText('企业台账');
  await expect(dialog(page, '打印企业台账卡')).toBeVisible();
  await closeDialog(page);

  // 文件
  await choose(page, 'file.closeLedger');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await choose(page, 'file.openSample');
  await expect(page.getByTestId('ledger-screen')).toBeVisible();
  await choose(page, 'file.newLedger');
  await expect(page.getByTestId('create-ledger-form').locator('input').first()).toBeFocused();

  // Every command of the bar was chosen from it (the start screen's test chose the rest).
  const rest = [
    'file.openLedger',
    'file.countyView',
    'file.preferences',
    'help.screen',
    'help.guide',
    'help.guidePdf',
    'help.about',
  ];
  expect(menuCommands().filter((c) => !chosen.has(c) && !rest.includes(c))).toEqual([]);
});

/** Drops a file on the page as the clerk drags one from the file manager. */
async function dropFile(page: Page, name: string, bytes: Buffer) {
  await page.evaluate(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name));
      const target = document.querySelector('[data-testid="start-screen"]') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name, base64: bytes.toString('base64') },
  );
}

test('a ledger file dropped on the window opens; any other file is named and refused', async ({
  page,
  shell,
  dataDir,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('ledger-screen')).toBeVisible();
  const title = await page.getByTestId('ledger-title').innerText();
  await choose(page, 'file.closeLedger');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  const file = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.yqyc'))!;

  await dropFile(page, '报表.xlsx', Buffer.from('not a ledger'));
  await toast(page, '“报表.xlsx”不是台账文件（.yqyc），未打开');
  await expect(page.getByTestId('start-screen')).toBeVisible();

  await dropFile(page, '长乐镇台账.yqyc', readFileSync(join(dataDir, file)));
  await expect(page.getByTestId('ledger-screen')).toBeVisible();
  await expect(page.getByTestId('ledger-title')).toHaveText(title);
});

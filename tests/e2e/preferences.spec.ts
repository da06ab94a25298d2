import type { Locator, Page } from '@playwright/test';
import { startWebShell } from '../support/webShell';
import { expect, test } from './fixtures';
import { closeReminderNotice } from './pageHelpers';

async function openPreferences(page: Page): Promise<Locator> {
  await page.getByTestId('prefs-open').click();
  const drawer = page.getByTestId('prefs-drawer');
  await expect(drawer.getByTestId('prefs-body')).toBeVisible();
  return drawer;
}

/** A call to the core as the page makes it, to read back what the screen saved. */
async function api<T>(page: Page, channel: string, payload: unknown = {}): Promise<T> {
  const answer = await page.evaluate(
    async ({ channel, payload }) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-yqyc-token': sessionStorage.getItem('yqyc-token') ?? '' },
        body: JSON.stringify(payload),
      });
      return (await response.json()) as { ok: boolean; value: unknown };
    },
    { channel, payload },
  );
  expect(answer.ok).toBe(true);
  return answer.value as T;
}

test('特大 applies to the whole window at once, and stays after a reload and a restart', async ({
  page,
  shell,
  dataDir,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  const sampleButton = page.getByRole('button', { name: '打开示例台账' });
  await expect(sampleButton).toHaveCSS('font-size', '14px');

  const drawer = await openPreferences(page);
  // Each choice shows its own size before it is chosen.
  await expect(drawer.getByTestId('prefs-font-sample-larger')).toHaveCSS('font-size', '18px');
  await drawer.getByTestId('prefs-font-larger').click();
  await expect(page.locator('html')).toHaveAttribute('data-font-size', 'larger');
  await expect(page.locator('html')).toHaveCSS('font-size', '18px');
  await expect(sampleButton).toHaveCSS('font-size', '18px');
  await expect(drawer.getByText(/^这些设置保存在本机/)).toHaveCSS('font-size', '18px');

  await page.reload();
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await expect(sampleButton).toHaveCSS('font-size', '18px');

  // The program started again on the same data folder: the setting came from its app-settings.json.
  await shell.stop();
  const again = await startWebShell(dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
    await expect(sampleButton).toHaveCSS('font-size', '18px');
    const reopened = await openPreferences(page);
    await expect(reopened.getByRole('radio', { name: /^特大/ })).toBeChecked();
    // Back to 标准: the window follows at once.
    await reopened.getByTestId('prefs-font-standard').click();
    await expect(sampleButton).toHaveCSS('font-size', '14px');
  } finally {
    await again.stop();
  }
});

test('the contact goes into a new 通知’s 附注; 印发机关 is saved to the open ledger', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loading', 'false');
  await closeReminderNotice(page);

  const drawer = await openPreferences(page);
  // A wrong number is refused beside the field before anything is saved.
  await drawer.getByTestId('prefs-contact-name').fill('张三');
  await drawer.getByTestId('prefs-contact-tel').fill('8301');
  await drawer.getByTestId('prefs-contact-save').click();
  await expect(drawer.getByTestId('prefs-contact-form')).toContainText('联系电话应为11位手机号');
  expect((await api<{ contactName: string }>(page, 'prefs:get')).contactName).toBe('');

  await drawer.getByTestId('prefs-contact-tel').fill('0571-83012345');
  await drawer.getByTestId('prefs-contact-save').click();
  await expect(page.getByText('公文联系人已保存')).toBeVisible();
  await expect(drawer.getByTestId('prefs-contact-sample')).toContainText('（联系人：张三，联系电话：0571-83012345）');

  await drawer.getByTestId('prefs-printed-by').fill('中共长乐镇委员会党建办公室');
  await drawer.getByTestId('prefs-printed-by-save').click();
  await expect(page.getByText('印发机关已保存到本台账')).toBeVisible();
  const ledger = await api<{ settings: { docPrintedBy: string } }>(page, 'ledgers:current');
  expect(ledger.settings.docPrintedBy).toBe('中共长乐镇委员会党建办公室');
  await drawer.locator('.ant-drawer-close').click();

  // A new blank 公文 is a 通知: the 附注 names the contact, the 版记 the 印发机关 just set.
  await page.getByRole('tab', { name: '公文', exact: true }).first().click();
  await page.getByTestId('doc-add').click();
  const modal = page.getByTestId('doc-new-modal');
  await modal.getByText('空白公文').click();
  await modal.getByTestId('doc-new-ok').click();
  await expect(page.getByTestId('doc-body')).toHaveAttribute('data-status', 'draft');
  await expect(page.getByTestId('doc-field-kind')).toContainText('通知');
  await expect(page.getByTestId('doc-field-note')).toHaveValue('联系人：张三，联系电话：0571-83012345');
  await expect(page.getByTestId('doc-field-printedBy')).toHaveValue('中共长乐镇委员会党建办公室');
});

test('with no ledger open, 印发机关 cannot be set and says why; the browser shell explains where exports go', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  const drawer = await openPreferences(page);
  await expect(drawer.getByTestId('prefs-printed-by')).toBeDisabled();
  await expect(drawer.getByTestId('prefs-printed-by-item')).toContainText('印发机关属于台账：请先打开台账');
  await expect(drawer.getByTestId('prefs-export-folder')).toContainText('浏览器的下载文件夹');
  await expect(drawer.getByTestId('prefs-backup-folder')).not.toBeEmpty();
  await expect(drawer.getByTestId('prefs-print-browser')).toBeVisible();
});

test('启动时打开上次的台账, on at first, turned off: the next start shows the start screen, not the ledger', async ({
  page,
  shell,
  dataDir,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loading', 'false');
  await closeReminderNotice(page);
  const drawer = await openPreferences(page);
  const reopen = drawer.getByTestId('prefs-reopen-last');
  await expect(reopen).toBeChecked();
  await reopen.click();
  await expect(reopen).not.toBeChecked();
  await expect(page.getByText('下次启动时先显示开始页面')).toBeVisible();
  expect((await api<{ reopenLast: boolean }>(page, 'prefs:get')).reopenLast).toBe(false);

  await shell.stop();
  const again = await startWebShell(dataDir);
  try {
    await page.goto(again.url);
    await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('recent-list')).toContainText('长乐镇');
    await expect((await openPreferences(page)).getByTestId('prefs-reopen-last')).not.toBeChecked();
  } finally {
    await again.stop();
  }
});

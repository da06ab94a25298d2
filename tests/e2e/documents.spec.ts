import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { parseDocNumber } from '../../shared/documents/number';
import { pageTexts } from '../support/pdf';
import { expect, test } from './fixtures';
import { closeReminderNotice, FIELD_ERROR } from './pageHelpers';

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loading', 'false');
  await closeReminderNotice(page);
}

/** Text as a clerk copies it out of the PDF, with the layout's line breaks and spaces taken out. */
function flat(texts: string[]): string {
  return texts.join('').replace(/\s+/g, '');
}

/** The preview's 保存PDF: the very PDF shown, as the clerk's browser saves it. */
async function savePreviewed(page: Page): Promise<Uint8Array> {
  const preview = page.getByTestId('pdf-preview');
  await expect(preview.getByTestId('pdf-frame')).toBeVisible();
  // Chromium's own PDF viewer has opened the blob inside the preview (the app's CSP lets it).
  await expect
    .poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/')))
    .toBe(true);
  const [download] = await Promise.all([page.waitForEvent('download'), preview.getByTestId('pdf-save').click()]);
  return new Uint8Array(readFileSync((await download.path())!));
}

/** Opens an approved plan from the 一企一策 board; returns its enterprise's name. */
async function openApprovedPlan(page: Page): Promise<string> {
  await page.getByRole('tab', { name: '一企一策' }).click();
  const board = page.getByTestId('plan-table');
  await expect(board).toHaveAttribute('data-loading', 'false');
  await page.locator('[data-testid="plan-status-count"][data-status="approved"]').click();
  await expect(board).toHaveAttribute('data-loading', 'false');
  const row = board.getByTestId('plan-row').first();
  const name = (await row.locator('[data-col="name"]').innerText()).trim();
  await row.click();
  const body = page.getByTestId('plan-body');
  await expect(body).toHaveAttribute('data-status', 'approved');
  return name;
}

/** 生成批复 from the open plan: the editor opens on the pre-filled draft. */
async function draftApprovalFromPlan(page: Page): Promise<Locator> {
  await page.getByTestId('plan-draft-approval').click();
  const editor = page.getByTestId('doc-body');
  await expect(editor).toHaveAttribute('data-status', 'draft');
  return editor;
}

/** 发文 with the proposed number; returns the number the document took. */
async function issue(page: Page): Promise<string> {
  await page.getByTestId('doc-issue').click();
  const modal = page.getByTestId('doc-issue-modal');
  const proposed = modal.getByTestId('doc-issue-proposed');
  await expect(proposed).toHaveText(/〔\d{4}〕\d+号$/);
  const number = (await proposed.innerText()).trim();
  await modal.getByTestId('doc-issue-ok').click();
  await expect(page.getByTestId('doc-body')).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('doc-number')).toHaveText(number);
  return number;
}

async function openRegister(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: '公文', exact: true }).first().click();
  await page.getByRole('tab', { name: '发文登记' }).click();
  const table = page.getByTestId('doc-register-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  return table;
}

test('a 批复 issued from an approved plan prints with the enterprise and its number', async ({ page, shell }) => {
  await openSample(page, shell.url);
  const enterprise = await openApprovedPlan(page);
  await draftApprovalFromPlan(page);

  // Pre-filled from the ledger: “关于同意成立××党支部的批复”, answering the enterprise.
  const title = page.getByTestId('doc-field-title');
  await expect(title).toHaveValue(/^关于同意成立.+的批复$/);
  expect(await title.inputValue()).toContain(enterprise);

  const number = await issue(page);
  // Archived: nothing can be typed any more.
  await expect(title).toBeDisabled();

  await page.getByTestId('doc-preview').click();
  // This PC has only the stand-ins (the test fonts): the clerk is told which face prints instead.
  await expect(page.getByTestId('pdf-font-warning')).toContainText('本机未安装仿宋_GB2312，将使用');
  // Each missing face once: the print's own warnings repeat the same check in other words.
  const warned = (await page.getByTestId('pdf-font-warning').innerText()).match(/本机未安装仿宋_GB2312/g);
  expect(warned).toHaveLength(1);
  const pdf = await savePreviewed(page);
  const text = flat(pageTexts(pdf));
  expect(text).toContain(enterprise);
  expect(text).toContain(number);

  // The plan lists the 批复 with its number.
  await page.getByTestId('pdf-preview').locator('.ant-drawer-close').click();
  await page.getByTestId('doc-editor').locator('.ant-drawer-close').click();
  await expect(page.locator(`[data-testid="plan-document"][data-number="${number}"]`)).toBeVisible();
});

test('issuing without 主送机关 is refused beside the field and takes no number; the draft can be deleted', async ({
  page,
  shell,
}) => {
  await openSample(page, shell.url);
  const register = await openRegister(page);
  const before = await register.getByTestId('doc-register-row').count();

  await openApprovedPlan(page);
  await draftApprovalFromPlan(page);
  await page.getByTestId('doc-field-addressees').fill('');
  await page.getByTestId('doc-issue').click();
  await page.getByTestId('doc-issue-modal').getByTestId('doc-issue-ok').click();

  const item = page.locator('.ant-form-item', { has: page.getByTestId('doc-field-addressees') });
  await expect(item.locator(FIELD_ERROR)).toContainText('主送机关');
  await expect(page.getByTestId('doc-body')).toHaveAttribute('data-status', 'draft');
  await expect(page.getByTestId('doc-number')).toHaveText('发文时编号');

  // The refused draft is thrown away: 删除草稿 asks first, and the plan lists no document afterwards.
  await expect(page.getByTestId('plan-document')).toHaveCount(1);
  await page.getByTestId('doc-delete').click();
  // antd spaces a two-character label: 删 除.
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /^删\s*除$/ })
    .click();
  await expect(page.getByTestId('doc-editor')).toBeHidden();
  await expect(page.getByTestId('plan-document')).toHaveCount(0);
  await expect(page.getByTestId('plan-documents')).toContainText('尚无公文');
  await page.getByTestId('plan-drawer').locator('.ant-drawer-close').first().click();
  const after = await openRegister(page);
  await expect(after.getByTestId('doc-register-row')).toHaveCount(before);
});

test('the register shows an issued number; withdrawn it stays taken and the next proposal skips it', async ({
  page,
  shell,
}) => {
  await openSample(page, shell.url);
  await openApprovedPlan(page);
  await draftApprovalFromPlan(page);
  const number = await issue(page);
  await page.getByTestId('doc-editor').locator('.ant-drawer-close').click();
  await page.getByTestId('plan-drawer').locator('.ant-drawer-close').first().click();

  const register = await openRegister(page);
  const line = register.locator(`[data-testid="doc-register-row"][data-number="${number}"]`);
  await expect(line).toHaveAttribute('data-state', 'issued');
  await expect(line).toContainText('已发文');

  // 撤回 from the register's line, with a reason.
  await line.click();
  await page.getByTestId('doc-withdraw').click();
  await page.getByTestId('doc-withdraw-reason').fill('标题有误，重新发文');
  await page.getByTestId('doc-withdraw-ok').click();
  await expect(page.getByTestId('doc-body')).toHaveAttribute('data-status', 'withdrawn');
  await page.getByTestId('doc-editor').locator('.ant-drawer-close').click();
  await expect(line).toHaveAttribute('data-state', 'withdrawn');
  await expect(line).toContainText('已撤回');

  // A new 批复: the number proposed is past the withdrawn one, never it.
  await page.getByRole('tab', { name: '公文', exact: true }).last().click();
  await page.getByTestId('doc-add').click();
  const modal = page.getByTestId('doc-new-modal');
  await modal.getByText('空白公文').click();
  await modal.getByTestId('doc-new-ok').click();
  await expect(page.getByTestId('doc-body')).toHaveAttribute('data-status', 'draft');
  await page.getByTestId('doc-issue').click();
  const proposed = (await page.getByTestId('doc-issue-proposed').innerText()).trim();
  expect(proposed).not.toBe(number);
  expect(parseDocNumber(proposed)!.seq).toBeGreaterThan(parseDocNumber(number)!.seq);
});

test('台账卡 for an area print one page per enterprise of the area', async ({ page, shell }) => {
  await openSample(page, shell.url);
  // The areas and how many enterprises each holds, as 台账设置 lists them.
  const lookups = await page.evaluate(async () => {
    const response = await fetch('/api/settings:lookups', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yqyc-token': sessionStorage.getItem('yqyc-token') ?? '' },
      body: '{}',
    });
    return (await response.json()) as { value: { areas: { id: number; name: string; enterprises: number }[] } };
  });
  const area = lookups.value.areas.find((a) => a.enterprises >= 2)!;
  expect(area).toBeDefined();

  await page.getByRole('tab', { name: '企业台账' }).click();
  await page.getByTestId('ledger-print-cards').click();
  const modal = page.getByTestId('cards-modal');
  await modal.getByText('按区域').click();
  await modal.getByTestId('cards-area').click();
  await page.keyboard.type(area.name);
  await expect(page.locator('.ant-select-dropdown:visible:not([class*="-leave"])')).toContainText(area.name);
  await page.keyboard.press('Enter');
  await modal.getByTestId('cards-ok').click();

  await expect(page.getByTestId('pdf-frame')).toHaveAttribute('data-pages', String(area.enterprises));
  const pdf = await savePreviewed(page);
  const pages = pageTexts(pdf);
  expect(pages).toHaveLength(area.enterprises);
  for (const p of pages) expect(p).toContain(area.name);
});

test('several documents chosen in the list print as one PDF', async ({ page, shell }) => {
  await openSample(page, shell.url);
  await page.getByRole('tab', { name: '公文', exact: true }).first().click();
  const table = page.getByTestId('doc-table');
  await expect(table).toHaveAttribute('data-loading', 'false');

  // Two drafts made from the ledger: the 指导员 notice and a notice with the ledger's 名单 attached.
  const titles: string[] = [];
  for (const source of ['选派党建工作指导员的通知', '附台账表格的通知']) {
    await page.getByTestId('doc-add').click();
    const modal = page.getByTestId('doc-new-modal');
    await modal.getByText(source).click();
    if (source === '附台账表格的通知') {
      await modal.getByTestId('doc-new-table').click();
      await page.keyboard.type('领导联系点名单');
      await page.keyboard.press('Enter');
    }
    await modal.getByTestId('doc-new-ok').click();
    await expect(page.getByTestId('doc-body')).toHaveAttribute('data-status', 'draft');
    titles.push(await page.getByTestId('doc-field-title').inputValue());
    await page.getByTestId('doc-editor').locator('.ant-drawer-close').click();
    await expect(page.getByTestId('doc-editor')).toBeHidden();
  }

  await expect(table.getByTestId('doc-row')).toHaveCount(2);
  for (const row of await table.getByTestId('doc-row').all()) await row.locator('.ant-checkbox-input').check();
  await page.getByTestId('doc-print-selected').click();
  const pdf = await savePreviewed(page);
  const text = flat(pageTexts(pdf));
  for (const title of titles) expect(text).toContain(title.replace(/\s+/g, ''));
});

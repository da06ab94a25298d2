import type { Locator } from '@playwright/test';
import { startWebShell } from '../support/webShell';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';
import { FIELD_ERROR } from './pageHelpers';

const NAME = '长乐机械配件厂';
const WRONG_USCC = '91330683MA2D8XQ21H';
const RIGHT_USCC = '91330683MA2D8XQ218';

/** Waits until the list shows rows for exactly this query (the grid names it in data-query) and has loaded. */
async function settled(table: Locator, total?: number) {
  await expect(table).toHaveAttribute('data-loading', 'false');
  if (total !== undefined) await expect(table).toHaveAttribute('data-total', String(total));
}

/** As a clerk does it from the keyboard: focus the select, type to narrow the options, Enter takes the first. */
async function areaOf(table: Locator, name: string): Promise<string> {
  const row = table.getByTestId('enterprise-row').filter({ hasText: name });
  return (await row.locator('[data-col="areaName"]').innerText()).trim();
}

test('adds an enterprise (wrong credit code refused first), finds it by pinyin initials, moves three in bulk, undoes, and finds all as left after a restart', async ({
  page,
  shell,
  dataDir,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  // The ledger opens on 覆盖概览; its list is a tab away.
  await page.getByRole('tab', { name: '企业台账' }).click();
  const table = page.getByTestId('enterprise-table');
  await settled(table, 600);

  // A wrong check character: the error stands beside the field and nothing is saved.
  await page.getByTestId('add-enterprise').click();
  const form = page.getByTestId('enterprise-form');
  await form.locator('#enterprise_name').fill(NAME);
  await form.locator('#enterprise_uscc').fill(WRONG_USCC);
  await chooseInSelect(page, form.locator('#enterprise_areaId'), '东门村');
  await form.locator('#enterprise_employees').fill('86');
  await page.getByTestId('enterprise-save').click();
  const usccItem = form.locator('.ant-form-item').filter({ has: page.locator('#enterprise_uscc') });
  await expect(usccItem.locator(FIELD_ERROR)).toContainText('校验位错误：第18位应为“8”');
  await expect(form).toBeVisible();
  await settled(table, 600);

  // Fixed, it saves; the size band was worked out from the 86 employees.
  await form.locator('#enterprise_uscc').fill(RIGHT_USCC);
  await page.getByTestId('enterprise-save').click();
  await expect(form).toBeHidden();
  await settled(table, 601);

  // Found by its pinyin initials.
  const search = page.getByTestId('enterprise-search');
  await search.fill('cljxpj');
  await settled(table, 1);
  const found = table.getByTestId('enterprise-row');
  await expect(found).toHaveCount(1);
  await expect(found.locator('[data-col="name"]')).toHaveText(NAME);
  await expect(found.locator('[data-col="sizeBand"]')).toHaveText(/D类/);

  // Three enterprises of the 机械 trade moved to 青坛村 in one step.
  await search.fill('机械有限公司');
  await settled(table);
  const rows = table.getByTestId('enterprise-row');
  await expect(rows.nth(2)).toBeVisible();
  const names = (await rows.locator('[data-col="name"]').allInnerTexts()).slice(0, 3).map((n) => n.trim());
  const before = await Promise.all(names.map((n) => areaOf(table, n)));
  for (const n of names) await table.getByLabel(`选择 ${n}`).check();
  await expect(page.getByTestId('selected-count')).toContainText('已选 3 家');
  await page.getByRole('button', { name: '修改所在区域' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '所在区域' });
  await chooseInSelect(page, dialog.getByRole('combobox'), '青坛村');
  await expect(page.getByTestId('bulk-confirm')).toContainText('将 3 家企业的所在区域改为 青坛村');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已修改 3 家企业')).toBeVisible();
  await settled(table);
  for (const n of names) await expect.poll(() => areaOf(table, n)).toBe('青坛村');

  // One 撤销 takes all three back.
  const undo = page.getByTestId('undo-button');
  await expect(undo).toContainText('撤销');
  await undo.click();
  await settled(table);
  for (const [i, n] of names.entries()) await expect.poll(() => areaOf(table, n)).toBe(before[i]);

  // After a restart the new enterprise is there and the three are where they were.
  await shell.stop();
  const restarted = await startWebShell(dataDir);
  try {
    // The ledger open when the program stopped is opened again at the start.
    await page.goto(restarted.url);
    await page.getByRole('tab', { name: '企业台账' }).click();
    const again = page.getByTestId('enterprise-table');
    await settled(again, 601);
    await page.getByTestId('enterprise-search').fill('cljxpj');
    await settled(again, 1);
    await expect(again.getByTestId('enterprise-row').locator('[data-col="name"]')).toHaveText(NAME);
    await page.getByTestId('enterprise-search').fill('机械有限公司');
    await settled(again);
    for (const [i, n] of names.entries()) expect(await areaOf(again, n)).toBe(before[i]);
  } finally {
    await restarted.stop();
  }
});

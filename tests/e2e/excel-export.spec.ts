import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { closeReminderNotice, numberOf } from './pageHelpers';

test('the coverage table exported from 覆盖概览 comes down as a workbook whose 合计 matches the dashboard', async ({
  page,
  shell,
}, testInfo) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toHaveAttribute('data-loading', 'false');
  await closeReminderNotice(page);
  // 总体组建率 counts every 企业 and 个体工商户 in the ledger: the coverage table's 企业总数.
  const formation = dashboard.locator('[data-testid="indicator-card"][data-key="formation-rate"]');
  const enterprises = await numberOf(formation.getByTestId('indicator-denominator'));
  const organised = await numberOf(formation.getByTestId('indicator-numerator'));
  expect(enterprises).toBeGreaterThan(0);

  await page.getByTestId('dashboard-export-coverage').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-report')).toContainText('非公有制企业党组织覆盖情况统计表');
  // The coverage table carries no personal data: no box to expose any.
  await expect(dialog.getByTestId('export-unmask')).toHaveCount(0);
  await dialog.getByLabel('填表人').fill('王小红');
  await dialog.getByLabel('审核人').fill('陈建国');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-ok').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = testInfo.outputPath('coverage.xlsx');
  await file.saveAs(path);
  await expect(dialog).toHaveAttribute('data-state', 'done');
  await expect(dialog.getByTestId('export-done')).toContainText(file.suggestedFilename());

  // Read back by a second library: the title, the 填表人 line, and the 合计 row's counts.
  const book = XLSX.read(readFileSync(path));
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null });
  const texts = rows.flat().filter((c): c is string => typeof c === 'string');
  expect(texts.some((t) => t.includes('非公有制企业党组织覆盖情况统计表'))).toBe(true);
  expect(texts.some((t) => t.includes('王小红'))).toBe(true);
  expect(texts.some((t) => t.includes('陈建国'))).toBe(true);
  const total = rows.find((r) => typeof r[0] === 'string' && r[0].replace(/\s/g, '') === '合计');
  expect(total).toBeDefined();
  // A multi-level header keeps each text in the top-left cell of its merge: look for it in every row above the 合计.
  const head = rows.slice(0, rows.indexOf(total!));
  const columnOf = (text: string) => {
    for (const r of head) {
      const at = r.findIndex((c) => c === text);
      if (at >= 0) return at;
    }
    throw new Error(`no header cell ${text}`);
  };
  const totalColumn = columnOf('企业总数');
  const orgColumns = ['单独建立', '联合建立', '挂靠'].map(columnOf);
  expect(total![totalColumn]).toBe(enterprises);
  expect(orgColumns.reduce((sum, i) => sum + Number(total![i]), 0)).toBe(organised);
  // Every area has a row above the 合计, and the areas add up to it.
  const byArea = head
    .filter((r) => typeof r[0] === 'string' && typeof r[totalColumn] === 'number')
    .map((r) => r[totalColumn] as number);
  expect(byArea.length).toBeGreaterThan(1);
  expect(byArea.reduce((a, b) => a + b, 0)).toBe(enterprises);

  // The export is on record in 导入导出, with its rows and no personal data.
  await page.getByTestId('export-ok').click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('tab', { name: '导入导出' }).click();
  const log = page.getByTestId('export-log');
  await expect(log).toHaveAttribute('data-loading', 'false');
  const entry = log.locator('[data-testid="export-log-row"][data-report="coverage"]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('非公有制企业党组织覆盖情况统计表');
  await expect(entry).toContainText(file.suggestedFilename());
  await expect(entry.locator('td').nth(5)).toHaveText('否');
});

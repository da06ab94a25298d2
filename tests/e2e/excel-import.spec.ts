import type { Locator } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { closeReminderNotice } from './pageHelpers';

/** Names no sample enterprise has, so every row is new. */
const APPROX = '澄江星辰电子科技有限公司';
const NEW_AREA_FIRM = '澄江月湖包装制品厂';
const PLAIN = '澄江海晟食品有限公司';
const NEW_AREA = '澄江新材料产业园';

/**
 * A township clerk's spreadsheet as they keep it: a merged title, a 填报单位 line, a two-row header with 党员人数
 * split into 正式/预备, an approximate head count, full-width digits, numbers stored as text, a 合计 and a 填表人 row.
 */
async function messyWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名单');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '东门村非公企业基本情况统计表（2024年）';
  ws.getCell('A2').value = '填报单位：东门村党总支';
  ws.getCell('G2').value = '2024年6月';
  ws.getRow(3).values = [
    '序号',
    '企业名称',
    '统一社会信用代码',
    '所在村（社区）',
    '职工人数',
    '党员人数',
    '',
    '联系电话',
  ];
  ws.getRow(4).values = ['', '', '', '', '', '正式', '预备', ''];
  for (const col of ['A', 'B', 'C', 'D', 'E', 'H']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('F3:G3');
  ws.addRow([1, APPROX, '', '东门村', '约50', '3', '1', '13800001111']);
  ws.addRow([2, NEW_AREA_FIRM, '', NEW_AREA, '１２０', '２', '０', '']);
  ws.addRow([3, PLAIN, '', '西街村', '35', 0, 0, '']);
  ws.addRow(['合计', '', '', '', 205, 5, 1, '']);
  ws.addRow([]);
  ws.addRow(['填表人：张三', '', '', '审核人：李四']);
  await wb.xlsx.writeFile(path);
}

/** Waits until the preview has been run again (with the clerk's last choice) and shows its counts. */
async function previewSettled(wizard: Locator) {
  await expect(wizard).toHaveAttribute('data-stage', 'preview');
  await expect(wizard).toHaveAttribute('data-busy', 'false');
}

test('a messy township workbook comes in through the mapping screen: a flagged row fixed, an unknown area added', async ({
  page,
  shell,
}, testInfo) => {
  const file = testInfo.outputPath('东门村企业统计.xlsx');
  await messyWorkbook(file);

  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loading', 'false');
  await closeReminderNotice(page);
  await page.getByRole('tab', { name: '企业台账' }).click();
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  const before = Number(await table.getAttribute('data-total'));

  // 导入… from the ledger's toolbar; 企业台账 is what it imports.
  await page.getByTestId('ledger-import').click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard).toHaveAttribute('data-stage', 'file');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose-file').click();
  await (await chooser).setFiles(file);

  // The title and 填报单位 lines are passed over: the two-row header is rows 3–4.
  await expect(wizard).toHaveAttribute('data-stage', 'sheet');
  const grid = page.getByTestId('import-head-grid');
  await expect(grid.locator('tr[data-row="3"]')).toHaveAttribute('data-header', 'true');
  await expect(grid.locator('tr[data-row="4"]')).toHaveAttribute('data-header', 'true');
  await expect(grid.locator('tr[data-row="2"]')).toHaveAttribute('data-header', 'false');
  await expect(grid.locator('tr[data-row="5"]')).toHaveAttribute('data-header', 'false');
  await expect(page.getByLabel('表头起始行')).toHaveValue('3');
  await expect(page.getByLabel('表头结束行')).toHaveValue('4');
  await page.getByRole('button', { name: '下一步：列对应' }).click();

  // Columns mapped from their headers: 职工人数 is 从业人员数, the split 党员人数 is 正式 and 预备, 序号 is not imported.
  await expect(wizard).toHaveAttribute('data-stage', 'mapping');
  const fieldOf = (letter: string) =>
    page.locator(`[data-testid="import-column"][data-letter="${letter}"]`).getByTestId('import-column-field');
  await expect(fieldOf('A')).toHaveAttribute('data-field', '');
  await expect(fieldOf('B')).toHaveAttribute('data-field', 'name');
  await expect(fieldOf('D')).toHaveAttribute('data-field', 'areaId');
  await expect(fieldOf('E')).toHaveAttribute('data-field', 'employees');
  await expect(fieldOf('F')).toHaveAttribute('data-field', 'fullMembers');
  await expect(fieldOf('G')).toHaveAttribute('data-field', 'probationaryMembers');
  await expect(page.locator('[data-testid="import-column"][data-letter="F"]')).toContainText('党员人数/正式');
  await expect(page.getByTestId('import-mapping-double')).toHaveCount(0);
  await page.getByTestId('import-to-preview').click();

  // Nothing is written yet: two rows are held back, one for 约50 and one for an area the ledger does not know.
  await previewSettled(wizard);
  await expect(page.getByTestId('import-count-total')).toHaveText('3');
  await expect(page.getByTestId('import-count-add')).toHaveText('1');
  await expect(page.getByTestId('import-count-reject')).toHaveText('2');
  const problems = page.getByTestId('import-problems');
  const approx = problems.locator('[data-testid="import-problem"][data-row="5"]');
  await expect(approx).toContainText('约50');
  await expect(approx).toContainText('职工人数');
  const unknown = page.locator(`[data-testid="import-unknown-area"][data-name="${NEW_AREA}"]`);
  await expect(unknown).toContainText('1 行');

  // The clerk asks the enterprise and types the real head count; the preview runs again with it.
  await approx.getByTestId('import-fix-input').fill('50');
  await approx.getByTestId('import-fix-apply').click();
  await previewSettled(wizard);
  await expect(page.getByTestId('import-count-reject')).toHaveText('1');
  await expect(problems.locator('[data-testid="import-problem"][data-row="5"]')).toHaveCount(0);
  await expect(page.getByTestId('import-override')).toContainText('第5行');

  // The new industrial park is real: one click adds it, and its enterprise comes in too.
  await unknown.getByTestId('import-add-area').click();
  await previewSettled(wizard);
  await expect(page.getByTestId('import-count-reject')).toHaveText('0');
  await expect(page.getByTestId('import-count-add')).toHaveText('3');
  await expect(page.getByTestId('import-unknown-areas')).toHaveCount(0);
  await expect(page.getByTestId('import-added-area')).toHaveText(NEW_AREA);

  await page.getByTestId('import-commit').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  await expect(result.getByTestId('import-result-added')).toHaveText('3');
  await expect(result.getByTestId('import-result-rejected')).toHaveText('0');
  await page.getByTestId('import-done').click();
  await expect(wizard).toHaveCount(0);

  // The list has read the ledger again: three more enterprises, the fixed one with the number the clerk typed.
  await expect(table).toHaveAttribute('data-total', String(before + 3));
  await page.getByTestId('enterprise-search').fill('澄江');
  await expect(table).toHaveAttribute('data-total', '3');
  await expect(table).toHaveAttribute('data-loading', 'false');
  const row = table.getByTestId('enterprise-row').filter({ hasText: APPROX });
  await expect(row.locator('[data-col="employees"]')).toHaveText(/^50/);
  await expect(table.getByTestId('enterprise-row').filter({ hasText: NEW_AREA_FIRM })).toContainText(NEW_AREA);
  // The 合计 and 填表人 lines are not enterprises.
  await page.getByTestId('enterprise-search').fill('合计');
  await expect(table).toHaveAttribute('data-total', '0');
});

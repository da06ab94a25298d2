import { expect, test } from './fixtures';
import { closeReminderNotice, numberOf } from './pageHelpers';
import { chooseInSelect } from './select';

/** The township's 两新组织党工委: a 属地 organisation, so an enterprise linked to it is 挂靠 (organisation covered). */
const LOCAL_ORG = '两新组织党工委';
const METHOD = '村企联建';
const MEASURE = '指导员每月走访一次，协调村党组织吸纳企业党员';

test('plans for every 有党员未建 enterprise in one batch; one taken through approval to done moves indicator 1', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toHaveAttribute('data-loading', 'false');
  const first = dashboard.locator('[data-testid="indicator-card"][data-key="org-coverage-members"]');
  const numerator = await numberOf(first.getByTestId('indicator-numerator'));
  await closeReminderNotice(page);

  // The 名册 says how many enterprises have members and no organisation.
  await page.getByRole('tab', { name: '组建名册' }).click();
  const roster = page.getByTestId('formation-table');
  await expect(roster).toHaveAttribute('data-loading', 'false');
  const eligible = Number(await roster.getAttribute('data-total'));
  expect(eligible).toBeGreaterThan(0);

  // The board holds the sample's plans; note which they are.
  await page.getByRole('tab', { name: '一企一策' }).click();
  const board = page.getByTestId('plan-table');
  await expect(board).toHaveAttribute('data-loading', 'false');
  const rows = board.getByTestId('plan-row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(before.length).toBe(Number(await board.getAttribute('data-total')));

  // 批量生成方案 in the sample's campaign: it names the 名册's count, and makes one for each not already planned.
  await page.getByTestId('plan-batch').click();
  const batch = page.getByTestId('plan-batch-modal');
  await expect(batch.getByTestId('plan-batch-eligible')).toHaveText(String(eligible));
  await page.getByTestId('plan-batch-ok').click();
  const result = batch.getByTestId('plan-batch-result');
  await expect(result).toBeVisible();
  const created = await numberOf(result.getByTestId('plan-batch-created'));
  const skipped = await numberOf(result.getByTestId('plan-batch-skipped'));
  expect(created).toBeGreaterThan(0);
  expect(created).toBe(eligible - skipped);
  await page.getByTestId('plan-batch-ok').click();
  await expect(batch).toBeHidden();

  // The new plans are 草拟: open one of them.
  await page.locator('[data-testid="plan-status-count"][data-status="draft"]').click();
  await expect(board).toHaveAttribute('data-loading', 'false');
  const fresh = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).filter(
    (id) => !before.includes(id),
  );
  expect(fresh.length).toBeGreaterThan(0);
  const row = board.locator(`[data-testid="plan-row"][data-id="${fresh[0]}"]`);
  const name = (await row.locator('[data-col="name"]').innerText()).trim();
  await row.click();
  const drawer = page.getByTestId('plan-drawer');
  const body = drawer.getByTestId('plan-body');
  await expect(body).toHaveAttribute('data-status', 'draft');
  await expect(drawer.getByTestId('plan-title')).toHaveText(name);
  // Pre-filled from the ledger: 现状 and the rule's suggestion beside 组建对策.
  await expect(drawer.getByTestId('plan-situation')).toContainText('组织设置：未建立');
  await expect(drawer.getByTestId('plan-suggestion')).toBeVisible();

  // 组建对策 chosen, then 提交审批 (which saves the sheet first).
  await chooseInSelect(page, drawer.locator('#plan_method'), METHOD);
  await drawer.getByTestId('plan-action-submit').click();
  await expect(body).toHaveAttribute('data-status', 'submitted');

  // No measure yet: 批准 is refused, in Chinese, beside 具体措施.
  await drawer.getByTestId('plan-action-approve').click();
  const transition = page.getByTestId('plan-transition-modal');
  await expect(transition).toBeVisible();
  await page.getByTestId('plan-transition-ok').click();
  await expect(transition).toBeHidden();
  await expect(drawer.getByText('批准前请至少填写一条具体措施')).toBeVisible();
  await expect(body).toHaveAttribute('data-status', 'submitted');

  // A measure written, then 批准 (the 审批日期 is today) → 开始实施 → 完成, linking the 属地 organisation.
  await drawer.getByTestId('plan-measure-add').click();
  await drawer.getByTestId('plan-measure-input').last().fill(MEASURE);
  await drawer.getByTestId('plan-action-approve').click();
  await expect(transition).toBeVisible();
  await page.getByTestId('plan-transition-ok').click();
  await expect(transition).toBeHidden();
  await expect(body).toHaveAttribute('data-status', 'approved');
  await expect(drawer.getByTestId('plan-measure-input')).toHaveValue(MEASURE);

  await drawer.getByTestId('plan-action-start').click();
  await expect(body).toHaveAttribute('data-status', 'in_progress');

  await drawer.getByTestId('plan-action-complete').click();
  await expect(transition).toBeVisible();
  await chooseInSelect(page, transition.locator('#partyOrgId'), LOCAL_ORG);
  await page.getByTestId('plan-transition-ok').click();
  await expect(transition).toBeHidden();
  await expect(body).toHaveAttribute('data-status', 'done');
  await expect(drawer.locator('.ant-drawer-title').getByTestId('plan-status')).toHaveText('已完成');
  await expect(drawer.getByTestId('plan-locked')).toContainText('方案已完成');

  // Its history has every step.
  await body.getByRole('tab', { name: '变更记录' }).click();
  await expect(drawer.getByTestId('plan-history').getByTestId('history-batch')).not.toHaveCount(0);
  await expect(drawer.getByTestId('plan-history')).toContainText('完成');

  await drawer.locator('.ant-drawer-close').first().click();
  await expect(drawer).toBeHidden();
  await expect(board.locator(`[data-testid="plan-row"][data-id="${fresh[0]}"]`)).toHaveCount(0);

  // The enterprise now has its organisation: indicator 1 counts one more.
  await page.getByRole('tab', { name: '覆盖概览' }).click();
  await expect(first.getByTestId('indicator-numerator')).toHaveText(String(numerator + 1));
});

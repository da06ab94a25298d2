import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { closeReminderNotice } from './pageHelpers';

/** The sample's one campaign (electron/core/sample/plans.ts). */
const CAMPAIGN = '非公企业党建集中攻坚月';

async function numberIn(card: Locator, testId: string): Promise<number> {
  const text = (await card.getByTestId(testId).innerText()).trim();
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

/** A select's option chosen with the mouse, as a clerk picks one out of a short list. */
async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible:not([class*="-leave"])').getByTitle(option, { exact: true }).click();
}

test('the dashboard scoped to the sample’s campaign: its own target, and a number lists exactly that many enterprises', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toHaveAttribute('data-loading', 'false');
  await closeReminderNotice(page);
  const formation = dashboard.locator('[data-testid="indicator-card"][data-key="formation-rate"]');
  const townshipFormation = await numberIn(formation, 'indicator-denominator');

  // The campaign gets its own 总体组建率 target, 60%; the other indicators keep the township's.
  await page.getByRole('tab', { name: '专项行动' }).click();
  const card = page.getByTestId('campaign-card').filter({ hasText: CAMPAIGN });
  await expect(card.getByTestId('campaign-targets-summary')).toHaveText('目标：同全镇目标');
  await card.getByTestId('campaign-edit').click();
  const form = page.getByTestId('campaign-form');
  const row = form.locator('[data-testid="campaign-target-row"][data-key="formation-rate"]');
  await expect(row).toContainText('35%');
  await row.getByLabel('总体组建率的专项行动目标').fill('60');
  await page.getByTestId('campaign-save').click();
  await expect(form).toBeHidden();
  await expect(card.getByTestId('campaign-targets-summary')).toHaveText('目标：总体组建率 60%');

  // 统计范围: the campaign. The header names it and how many of its enterprises are counted.
  await page.getByRole('tab', { name: '覆盖概览' }).click();
  await choose(page, dashboard.getByTestId('dashboard-scope-select'), CAMPAIGN);
  await expect(dashboard).not.toHaveAttribute('data-scope', 'township');
  await expect(dashboard).toHaveAttribute('data-loading', 'false');
  const scoped = await numberIn(formation, 'indicator-denominator');
  await expect(dashboard.getByTestId('dashboard-scope')).toHaveText(
    `专项行动：${CAMPAIGN}（有方案的企业、个体工商户 ${scoped} 家）`,
  );
  expect(scoped).toBeGreaterThan(0);
  expect(scoped).toBeLessThan(townshipFormation);
  // Its own target where it set one, the township's elsewhere; snapshots cannot be viewed meanwhile.
  await expect(formation.getByTestId('indicator-target')).toHaveText('目标 60.0%（专项行动目标）');
  const members = dashboard.locator('[data-testid="indicator-card"][data-key="org-coverage-members"]');
  await expect(members.getByTestId('indicator-target')).toHaveText('目标 100.0%（同全镇目标）');
  await expect(dashboard.getByTestId('dashboard-source')).toHaveClass(/ant-select-disabled/);
  await expect(dashboard.getByTestId('trend-township-note')).toBeVisible();

  // The card's denominator opens the ledger list on exactly that many enterprises, the tag naming the campaign.
  const denominator = await numberIn(members, 'indicator-denominator');
  const numerator = await numberIn(members, 'indicator-numerator');
  expect(denominator).toBeGreaterThan(0);
  await members.getByTestId('indicator-denominator').click();
  const tag = page.getByTestId('indicator-filter-tag');
  await expect(tag).toHaveText(`指标：有党员企业的组织覆盖率 · 应覆盖企业 · 专项行动“${CAMPAIGN}”`);
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  await expect(table).toHaveAttribute('data-total', String(denominator));
  await expect(table.getByText(`共 ${denominator} 家`)).toBeVisible();
  await expect(table.getByTestId('enterprise-row')).toHaveCount(denominator);

  // And its gap on the ones not yet covered.
  await page.getByRole('tab', { name: '覆盖概览' }).click();
  const gap = await numberIn(members, 'indicator-gap');
  expect(gap).toBe(denominator - numerator);
  if (gap > 0) {
    await members.getByTestId('indicator-gap').click();
    await expect(tag).toContainText('未覆盖企业');
    await expect(table).toHaveAttribute('data-loading', 'false');
    await expect(table).toHaveAttribute('data-total', String(gap));
    for (const setting of await table.getByTestId('enterprise-row').locator('[data-col="orgSetting"]').allInnerTexts())
      expect(setting.trim()).toBe('未建立');
    await page.getByRole('tab', { name: '覆盖概览' }).click();
  }

  // Back to the whole township: the township's figures and targets again.
  await dashboard.getByRole('button', { name: '回到全镇' }).click();
  await expect(dashboard).toHaveAttribute('data-scope', 'township');
  await expect(dashboard).toHaveAttribute('data-loading', 'false');
  await expect(formation.getByTestId('indicator-denominator')).toHaveText(String(townshipFormation));
  await expect(formation.getByTestId('indicator-target')).toHaveText('目标 35.0%');
  await expect(dashboard.getByTestId('dashboard-scope')).toHaveCount(0);

  // Snapshots are the township's: while a campaign is chosen none can be viewed, and while one is viewed no
  // campaign can be chosen.
  await page.getByTestId('take-snapshot').click();
  await page.getByTestId('snapshot-take-ok').click();
  await expect(page.getByTestId('snapshot-form')).toBeHidden();
  const view = page
    .getByTestId('snapshots-panel')
    .getByTestId('snapshot-row')
    .first()
    .getByRole('button', { name: /查看/ });
  await choose(page, dashboard.getByTestId('dashboard-scope-select'), CAMPAIGN);
  await expect(dashboard).not.toHaveAttribute('data-scope', 'township');
  await expect(view).toBeDisabled();
  await dashboard.getByRole('button', { name: '回到全镇' }).click();
  await view.click();
  await expect(dashboard).not.toHaveAttribute('data-source', 'live');
  await expect(dashboard.getByTestId('dashboard-scope-select')).toHaveClass(/ant-select-disabled/);
});

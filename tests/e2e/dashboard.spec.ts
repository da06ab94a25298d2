import type { Locator } from '@playwright/test';
import { DEFAULT_INDICATORS } from '../../shared/domain/indicators';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';

/** The township's 两新组织党工委: a 属地 organisation, so an enterprise linked to it is 挂靠. */
const LOCAL_ORG = '两新组织党工委';
const SNAPSHOT_LABEL = '月底报送';

/** As a clerk does it from the keyboard: focus the select, type to narrow the options, Enter takes the first. */
async function numberIn(card: Locator, testId: string): Promise<number> {
  const text = (await card.getByTestId(testId).innerText()).trim();
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

/** The card's counts as the page shows them. */
async function countsOf(card: Locator) {
  return {
    numerator: await numberIn(card, 'indicator-numerator'),
    denominator: await numberIn(card, 'indicator-denominator'),
    gap: await numberIn(card, 'indicator-gap'),
  };
}

/** The rate the card should show for these counts: rounded to four decimals by the core, shown to one. */
function rateText(numerator: number, denominator: number): string {
  return `${((Math.round((numerator / denominator) * 10_000) / 10_000) * 100).toFixed(1)}%`;
}

test('the sample opens on 覆盖概览: a gap number lists exactly its enterprises, fixing one moves the rate, and a snapshot is kept', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();

  // The five default indicators, in their order, each with its counts.
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toBeVisible();
  await expect(dashboard).toHaveAttribute('data-loading', 'false');
  const cards = dashboard.getByTestId('indicator-card');
  await expect(cards).toHaveCount(5);
  expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(
    DEFAULT_INDICATORS.map((d) => d.key),
  );
  for (const d of DEFAULT_INDICATORS) await expect(cards.filter({ hasText: d.name }).first()).toBeVisible();

  // Indicator 1 (target 100%): its gap is every enterprise with members and no organisation.
  const first = dashboard.locator('[data-testid="indicator-card"][data-key="org-coverage-members"]');
  const before = await countsOf(first);
  expect(before.gap).toBe(before.denominator - before.numerator);
  expect(before.gap).toBeGreaterThan(0);
  await expect(first.getByTestId('indicator-rate')).toHaveText(rateText(before.numerator, before.denominator));
  await expect(first).toHaveAttribute('data-status', /near|behind/);
  await expect(first.getByTestId('indicator-shortfall')).toHaveText(String(before.gap));

  // Its gap number opens the ledger list on exactly those enterprises.
  await first.getByTestId('indicator-gap').click();
  const tag = page.getByTestId('indicator-filter-tag');
  await expect(tag).toHaveText('指标：有党员企业的组织覆盖率 · 未覆盖企业');
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  await expect(table).toHaveAttribute('data-total', String(before.gap));
  await expect(table.getByText(`共 ${before.gap} 家`)).toBeVisible();
  const rows = table.getByTestId('enterprise-row');
  await expect(rows.first()).toBeVisible();
  for (const setting of await rows.locator('[data-col="orgSetting"]').allInnerTexts())
    expect(setting.trim()).toBe('未建立');

  // One of them is attached to the township's 属地 organisation: 挂靠.
  const name = (await rows.first().locator('[data-col="name"]').innerText()).trim();
  await rows.first().click();
  const detail = page.getByTestId('enterprise-detail');
  await expect(detail.locator('.ant-drawer-title')).toHaveText(name);
  await detail.getByTestId('enterprise-edit').click();
  const form = page.getByTestId('enterprise-form');
  await chooseInSelect(page, form.locator('#enterprise_partyOrgId'), LOCAL_ORG);
  await expect(form.getByTestId('enterprise-org-setting')).toContainText('挂靠');
  await page.getByTestId('enterprise-save').click();
  await expect(form).toBeHidden();
  await expect(detail.getByTestId('enterprise-detail-org-setting')).toHaveText('挂靠');
  await detail.locator('.ant-drawer-close').first().click();
  await expect(detail).toBeHidden();

  // It has left the gap list at once.
  await expect(table).toHaveAttribute('data-total', String(before.gap - 1));
  await expect(table).toHaveAttribute('data-loading', 'false');
  await expect(rows.filter({ hasText: name })).toHaveCount(0);

  // Back on 覆盖概览: one more covered, one fewer in the gap, the same denominator, the rate worked out again.
  await page.getByRole('tab', { name: '覆盖概览' }).click();
  await expect(first.getByTestId('indicator-numerator')).toHaveText(String(before.numerator + 1));
  await expect(first.getByTestId('indicator-gap')).toHaveText(String(before.gap - 1));
  await expect(first.getByTestId('indicator-denominator')).toHaveText(String(before.denominator));
  await expect(first.getByTestId('indicator-rate')).toHaveText(rateText(before.numerator + 1, before.denominator));

  // Closing the tag on the list shows the whole ledger again.
  await page.getByRole('tab', { name: '企业台账' }).click();
  await tag.locator('.ant-tag-close-icon').click();
  await expect(tag).toHaveCount(0);
  await expect(table).toHaveAttribute('data-total', '600');
  await page.getByRole('tab', { name: '覆盖概览' }).click();

  // A snapshot dated the reporting date, with a name, is listed.
  const asOf = ((await page.getByTestId('dashboard-as-of').innerText()).match(/\d{4}-\d{2}-\d{2}/) ?? [''])[0];
  expect(asOf).not.toBe('');
  await page.getByTestId('take-snapshot').click();
  const snapshotForm = page.getByTestId('snapshot-form');
  await expect(snapshotForm.locator('input').first()).toHaveValue(asOf);
  await snapshotForm.getByLabel('名称（可不填）').fill(SNAPSHOT_LABEL);
  await page.getByTestId('snapshot-take-ok').click();
  await expect(snapshotForm).toBeHidden();
  const snapshotRows = page.getByTestId('snapshots-panel').getByTestId('snapshot-row');
  await expect(snapshotRows).toHaveCount(1);
  await expect(snapshotRows.first()).toContainText(asOf);
  await expect(snapshotRows.first()).toContainText(SNAPSHOT_LABEL);
  await expect(snapshotRows.first()).toContainText(/\d+ 家/);

  // Seen as of the snapshot, indicator 1 has the same counts, and its gap lists the enterprises as frozen.
  await snapshotRows.first().getByRole('button', { name: /查看/ }).click();
  await expect(dashboard).not.toHaveAttribute('data-source', 'live');
  await expect(dashboard).toHaveAttribute('data-loading', 'false');
  await expect(first.getByTestId('indicator-numerator')).toHaveText(String(before.numerator + 1));
  await first.getByTestId('indicator-gap').click();
  const frozen = page.getByTestId('snapshot-enterprise-table');
  await expect(frozen).toHaveAttribute('data-loading', 'false');
  await expect(frozen).toHaveAttribute('data-total', String(before.gap - 1));
  await expect(frozen).not.toContainText(name);
});

test('覆盖概览 is counted once per opening, from reads asked for as the ledger is shown, and never from another ledger', async ({
  page,
  shell,
}) => {
  let reports = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/stats:report')) reports++;
  });
  const coverage = page.locator('[data-testid="indicator-card"][data-key="org-coverage-members"]');
  const loaded = page.getByTestId('dashboard');

  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  // At the start no ledger is open: the boot's early ask is refused by the core and dropped, nothing shows.
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(loaded).toHaveAttribute('data-loading', 'false');
  const sample = await countsOf(coverage);
  expect(sample.denominator).toBeGreaterThan(0);
  // One ask at boot (refused, no ledger yet) and one when the sample was shown: the dashboard took that one.
  expect(reports).toBe(2);

  // A reload lands back on the open ledger; its figures were asked for with the boot questions, once.
  reports = 0;
  await page.reload();
  await expect(loaded).toHaveAttribute('data-loading', 'false');
  expect(await countsOf(coverage)).toEqual(sample);
  expect(reports).toBe(1);

  // Another ledger right after: an empty one must show its own zeros, not the sample's figures.
  await page.getByRole('button', { name: /返回开始页/ }).click();
  const form = page.getByTestId('create-ledger-form');
  await form.getByLabel('乡镇名称').fill('长宁镇');
  await form.getByRole('button', { name: '新建台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长宁镇委员会');
  await expect(loaded).toHaveAttribute('data-loading', 'false');
  expect(await countsOf(coverage)).toEqual({ numerator: 0, denominator: 0, gap: 0 });
});

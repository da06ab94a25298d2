import type { Locator, Page } from '@playwright/test';
import type { Indicator } from '../../shared/domain/indicators';
import type { RunningShell } from '../support/webShell';
import { expect, test } from './fixtures';
import { FIELD_ERROR } from './pageHelpers';

const NAME = '从业30人以上企业有党员比例';

/** The indicators as the core keeps them, asked directly: what the screen shows is not the proof of what was saved. */
async function storedIndicators(page: Page, shell: RunningShell): Promise<Indicator[]> {
  const response = await page.request.post(`${shell.origin}/api/indicators:list`, {
    headers: { 'x-yqyc-token': shell.token, origin: shell.origin },
    data: {},
  });
  const result = (await response.json()) as { ok: boolean; value: Indicator[] };
  expect(result.ok).toBe(true);
  return result.value;
}

/** The list of the select just opened (the one before may still be fading out). */
function openList(page: Page): Locator {
  return page.locator('.ant-select-dropdown:visible:not([class*="-leave"])');
}

/** 「添加条件」 in one builder, as a clerk does it from the keyboard: type to narrow the facts, Enter adds the first. */
async function addClause(page: Page, builder: Locator, fact: string) {
  await builder.getByTestId('clause-add').click();
  await page.keyboard.type(fact);
  await expect(openList(page)).toContainText(fact);
  await page.keyboard.press('Enter');
  await expect(builder.getByTestId('clause-row').filter({ hasText: fact })).toBeVisible();
}

/** The message under a condition builder (a `has` locator is looked up inside the item, so by its test id). */
function errorUnder(form: Locator, builderTestId: string): Locator {
  return form
    .locator('.ant-form-item')
    .filter({ has: form.page().getByTestId(builderTestId) })
    .locator(FIELD_ERROR);
}

test('a custom indicator built in the form is counted on the dashboard, its number opens its enterprises; a bound below the other is refused beside the condition and nothing is saved', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('indicator-card').first()).toBeVisible();
  const before = await storedIndicators(page, shell);
  expect(before.map((i) => i.key)).toEqual([
    'org-coverage-members',
    'org-coverage-80plus',
    'org-coverage-50to79',
    'formation-rate',
    'work-coverage',
  ]);

  await page.getByTestId('open-indicators').click();
  const drawer = page.getByTestId('indicators-drawer');
  const rows = drawer.getByTestId('indicator-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.first().getByTestId('indicator-method')).toContainText(
    '单位类型为企业、个体工商户，党员（正式+预备）1名以上 → 已建党组织',
  );

  // A new indicator starts from the kinds every default counts.
  await drawer.getByTestId('indicator-add').click();
  const form = page.getByTestId('indicator-form');
  const denominator = form.getByTestId('condition-denominator');
  const numerator = form.getByTestId('condition-numerator');
  await expect(denominator.getByTestId('clause-row')).toHaveCount(1);
  await expect(denominator.locator('[data-fact="kind"]')).toContainText('个体工商户');

  await form.locator('#indicator_name').fill(NAME);
  await form.locator('#indicator_targetPercent').fill('50');
  await addClause(page, denominator, '从业人员');
  const employees = denominator.locator('[data-fact="employees"]');
  await employees.getByPlaceholder('下限（不限）').fill('80');
  await employees.getByPlaceholder('上限（不限）').fill('30');
  await addClause(page, numerator, '党员（正式+预备）');
  await numerator.locator('[data-fact="members"]').getByPlaceholder('下限（不限）').fill('1');
  // A fact is taken once per condition: the picker offers it no more.
  await denominator.getByTestId('clause-add').click();
  await page.keyboard.type('从业人员');
  await expect(openList(page).locator('.ant-select-item-option-disabled')).toHaveText('从业人员（已添加）');
  await page.keyboard.press('Escape');

  // 下限大于上限: said beside the condition, the form stays open and the core holds the five it had.
  await page.getByTestId('indicator-save').click();
  await expect(errorUnder(form, 'condition-denominator')).toHaveText('从业人员的下限不能大于上限');
  await expect(form).toBeVisible();
  expect(await storedIndicators(page, shell)).toHaveLength(5);

  // Only a lower bound: 30 or more.
  await employees.getByPlaceholder('下限（不限）').fill('30');
  await employees.getByPlaceholder('上限（不限）').clear();
  await expect(errorUnder(form, 'condition-denominator')).toHaveCount(0);
  await expect(form.getByTestId('indicator-preview')).toContainText(
    '在“单位类型为企业、个体工商户，从业人员30人以上”的企业中，“党员（正式+预备）1名以上”的企业所占比例',
  );

  // A name another indicator has: the core's refusal stands beside the name.
  const name = form.locator('#indicator_name');
  await name.fill('总体组建率');
  await page.getByTestId('indicator-save').click();
  await expect(
    form
      .locator('.ant-form-item')
      .filter({ has: page.locator('#indicator_name') })
      .locator(FIELD_ERROR),
  ).toHaveText('已有名为“总体组建率”的指标，请换一个名称');
  expect(await storedIndicators(page, shell)).toHaveLength(5);
  await name.fill(NAME);
  await page.getByTestId('indicator-save').click();
  await expect(form).toBeHidden();

  const added = rows.filter({ hasText: NAME });
  await expect(rows).toHaveCount(6);
  await expect(added.getByTestId('indicator-target')).toHaveText('50%');
  const stored = (await storedIndicators(page, shell)).find((i) => i.name === NAME);
  expect(stored).toMatchObject({
    target: 0.5,
    enabled: true,
    builtin: false,
    denominator: [
      { fact: 'kind', in: ['enterprise', 'individual'] },
      { fact: 'employees', min: 30, max: null },
    ],
    numerator: [{ fact: 'members', min: 1, max: null }],
  });

  // On the dashboard with its numbers, and its 应覆盖 count opens exactly that many enterprises.
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toBeHidden();
  const card = page.getByTestId('indicator-card').filter({ hasText: NAME });
  await expect(card).toHaveAttribute('data-key', stored!.key);
  await expect(card).toContainText(/目标 50(\.0)?%/);
  const count = Number(await card.getByTestId('indicator-denominator').innerText());
  const covered = Number(await card.getByTestId('indicator-numerator').innerText());
  expect(count).toBeGreaterThan(0);
  const rate = parseFloat(await card.getByTestId('indicator-rate').innerText());
  expect(Math.abs(rate - (covered / count) * 100)).toBeLessThan(0.051);
  await card.getByTestId('indicator-denominator').click();
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  await expect(table).toHaveAttribute('data-total', String(count));

  // Switched off, it keeps its definition and leaves the dashboard.
  await page.getByRole('tab', { name: '覆盖概览' }).click();
  await page.getByTestId('open-indicators').click();
  await added.getByTestId('indicator-enabled').click();
  await expect(added).toHaveAttribute('data-enabled', 'false');
  await drawer.locator('.ant-drawer-close').click();
  await expect(page.getByTestId('indicator-card').filter({ hasText: NAME })).toHaveCount(0);
  await expect(page.getByTestId('indicator-card')).toHaveCount(5);
});

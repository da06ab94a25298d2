import type { Locator } from '@playwright/test';
import { STANDARDS, STANDARD_IDS } from '../../shared/domain/assessments';
import { generateSample } from '../../electron/core/sample/generate';
import { isActive } from '../../electron/core/sample/partyOrgs';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';
import { FIELD_ERROR } from './pageHelpers';

/**
 * The sample's enterprises are the same whatever day it is drawn for: one with its own branch, a venue and funding in
 * its budget, not yet 重点培育 and not among those the sample already assessed, meets every hard indicator the
 * ledger knows of.
 */
const sample = generateSample();
const assessed = new Set(sample.assessments.map((a) => a.enterpriseIndex));
const target = sample.enterprises.find(
  (e, index) =>
    !assessed.has(index) &&
    isActive(e) &&
    e.kind === 'enterprise' &&
    e.orgSetting === 'standalone' &&
    e.hasVenue &&
    e.fundingInBudget &&
    !e.keyCultivation,
)!;

/** As a clerk does it from the keyboard: focus the select, type to narrow the options, Enter takes the first. */
/** The message antd shows under a form field. */
const errorBeside = (form: Locator, fieldId: string) =>
  form
    .locator('.ant-form-item')
    .filter({ has: form.page().locator(`#${fieldId}`) })
    .locator(FIELD_ERROR);

/** The value shown beside a label in the enterprise's detail. */
const detailValue = (detail: Locator, label: string) =>
  detail
    .locator('.ant-descriptions-item-label')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::*[1]');

test('an assessment with full marks for a sample enterprise ranks first as 示范 and 示范候选; a score over its maximum and a second one for the year are refused beside the field; 设为重点培育 reaches the ledger', async ({
  page,
  shell,
}) => {
  expect(target).toBeDefined();
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
  await page.getByRole('tab', { name: '双强评价' }).click();

  const screen = page.getByTestId('assessments-screen');
  const table = screen.getByTestId('assessment-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  await expect(screen.getByTestId('assessment-year-filter')).toContainText(`${new Date().getFullYear()}年`);

  // 新增评价: the enterprise, then the hard indicators the ledger knows are ticked for it.
  await screen.getByTestId('assessment-add').click();
  const form = page.getByTestId('assessment-form');
  await chooseInSelect(page, form.locator('#assessment_enterpriseId'), target.name);
  await expect(form.getByTestId('assessment-prefilled')).toBeVisible();
  for (const h of ['hasOrg', 'hasVenue', 'fundingInBudget', 'noViolation']) {
    await expect(form.locator(`#assessment_${h}`)).toBeChecked();
  }

  // Every standard at full marks but one over its maximum: refused beside that box, nothing saved.
  for (const s of STANDARD_IDS) await form.locator(`#assessment_${s}`).fill(String(STANDARDS[s].max));
  await form.locator('#assessment_production').fill('16');
  await page.getByTestId('assessment-save').click();
  await expect(errorBeside(form, 'assessment_production')).toHaveText('生产经营好的得分不能超过15分');
  await expect(form).toBeVisible();

  // Put right: the live total and grade say 100 and 示范 before saving.
  await form.locator('#assessment_production').fill('15');
  await expect(errorBeside(form, 'assessment_production')).toHaveCount(0);
  await expect(form.getByTestId('assessment-total')).toHaveText('100');
  await expect(form.getByTestId('assessment-result')).toContainText('示范');
  await expect(form.getByTestId('assessment-result')).toContainText('示范：总分≥90且硬性指标全部达到');
  await page.getByTestId('assessment-save').click();
  await expect(form).toBeHidden();

  // Ranked first, 示范, a model candidate.
  await expect(table).toHaveAttribute('data-loading', 'false');
  const first = table.getByTestId('assessment-row').first();
  await expect(first).toContainText(target.name);
  await expect(first.locator('[data-col="rank"]')).toHaveText('1');
  await expect(first.getByTestId('assessment-grade')).toHaveText('示范');
  await expect(first.getByTestId('assessment-model-candidate')).toBeVisible();
  await expect(first.locator('[data-col="total"]')).toHaveText('100');
  await expect(first.getByTestId('assessment-key-cultivation')).toHaveCount(0);

  // A second assessment of it this year: the core refuses it beside the enterprise, naming the enterprise and year.
  await screen.getByTestId('assessment-add').click();
  await chooseInSelect(page, form.locator('#assessment_enterpriseId'), target.name);
  await page.getByTestId('assessment-save').click();
  await expect(errorBeside(form, 'assessment_enterpriseId')).toHaveText(
    `“${target.name}”${new Date().getFullYear()}年已有双强评价，每家企业每年只评价一次，请修改原有的评价`,
  );
  // The enterprise was picked, so closing asks before dropping it.
  await page
    .locator('.ant-drawer-footer')
    .getByRole('button', { name: /^取\s*消$/ })
    .click();
  // The question zooms in; a click that lands while it is still moving is lost, so it is clicked until the form goes.
  const discard = page.getByRole('button', { name: '放弃并关闭' });
  await expect(async () => {
    if (await discard.isVisible()) await discard.click({ timeout: 1000 });
    await expect(form).toBeHidden({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // Chosen and made 重点培育: the tag shows in the ranking…
  await first.locator('.ant-checkbox-input').check();
  await screen.getByTestId('assessment-mark-key').click();
  await expect(page.getByText('已将 1 家企业设为重点培育')).toBeVisible();
  await expect(first.getByTestId('assessment-key-cultivation')).toHaveText('重点培育');

  // …and in the ledger: the enterprise's name opens it there.
  await first.getByTestId('assessment-enterprise-link').click();
  const detail = page.getByTestId('enterprise-detail');
  await expect(detail.locator('.ant-drawer-title')).toHaveText(target.name);
  await expect(detailValue(detail, '重点培育')).toHaveText('是');
});

import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { makeTownship } from '../integration/countySetup';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';

// A click that cannot land (a list closed by a redraw) fails in seconds, so a retry can open it again.
test.use({ actionTimeout: 10_000 });

/**
 * In-app 帮助: every tab's 帮助 button opens that tab's text, F1 opens the help of the tab in front, the enterprise
 * form's tooltips give the definitions of 组织设置, 隶属关系 and 组建方向, and each indicator says how it is computed —
 * the 党的工作覆盖 rule as this ledger sets it, and in the county view by each township's own rule.
 */

/** Each tab, with a phrase only its help says. */
const TABS: [tab: string | RegExp, title: string, phrase: string][] = [
  ['覆盖概览', '覆盖概览', '生成快照'],
  [/^提醒/, '提醒', '预备期满'],
  ['企业台账', '企业台账', '全选结果'],
  ['组建名册', '组建名册', '组建方向与建议不一致'],
  ['一企一策', '一企一策', '只看逾期'],
  ['专项行动', '专项行动', '总结完善'],
  ['双强评价', '双强评价', '硬性指标'],
  ['党组织', '党组织', '挂牌'],
  ['党员名册', '党员名册', '组织关系转接'],
  ['指导员', '指导员', '一人多企'],
  ['联系领导', '联系领导', '领导联系点'],
  ['推进组', '推进组', '未分组'],
  ['工作记录', '工作记录', '献计献策'],
  ['导入导出', '导入导出', '按上级模板填报'],
  ['公文', '公文', 'GB/T 9704-2012'],
  ['台账设置', '台账设置', '年度结转'],
];

const helpDrawer = (page: Page) => page.getByTestId('help-drawer');

async function closeHelp(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(helpDrawer(page)).toBeHidden();
}

/** Hovers a question-mark icon and expects the tooltip that opens to say `text` (the one left before may still be fading out). */
/**
 * Hovers the icon until its definition shows. A form that has just opened scrolls itself to its first field, and
 * on a loaded machine that can move the icon from under the pointer after the hover: a clerk moves the mouse back.
 */
async function expectTip(page: Page, icon: Locator, text: string): Promise<void> {
  const tip = page.getByRole('tooltip').filter({ hasText: text });
  await expect(async () => {
    await icon.hover({ timeout: 5000 });
    await expect(tip).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

const formTip = (page: Page, label: string) => page.locator(`label[title="${label}"] .ant-form-item-tooltip`);

test('every tab’s 帮助 opens its own text; F1 opens the help of the tab in front', async ({ page, shell }) => {
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');

  // The start screen has its own.
  await page.getByTestId('help-button').click();
  await expect(helpDrawer(page)).toContainText('帮助：开始页');
  await expect(helpDrawer(page)).toContainText('示例台账');
  await closeHelp(page);

  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('indicator-card').first()).toBeVisible();

  for (const [tab, title, phrase] of TABS) {
    await page.getByRole('tab', { name: tab, exact: typeof tab === 'string' }).click();
    await page.getByTestId('help-button').click();
    await expect(helpDrawer(page)).toContainText(`帮助：${title}`);
    await expect(helpDrawer(page)).toContainText(phrase);
    await closeHelp(page);
  }

  // F1 on 工作记录, then on 指导员: each time the tab in front.
  await page.getByRole('tab', { name: '工作记录', exact: true }).click();
  await page.keyboard.press('F1');
  await expect(helpDrawer(page)).toContainText('帮助：工作记录');
  await closeHelp(page);
  await page.getByRole('tab', { name: '指导员', exact: true }).click();
  await page.keyboard.press('F1');
  await expect(helpDrawer(page)).toContainText('帮助：指导员');
  await expect(helpDrawer(page)).not.toContainText('帮助：工作记录');
});

test('the enterprise form’s tooltips define 组织设置, 隶属关系 and 组建方向; the detail shows the same beside its labels', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByRole('tab', { name: '企业台账', exact: true }).click();
  await page.getByRole('button', { name: /新增企业/ }).click();
  await expect(page.getByTestId('enterprise-form')).toBeVisible();

  await expectTip(
    page,
    formTip(page, '组织设置'),
    '属于联合党组织为“联合建立”，属于村、社区、园区等属地党组织为“挂靠”',
  );
  await expectTip(page, formTip(page, '隶属关系'), '本企业党组织的上级党组织');
  await expectTip(page, formTip(page, '组建方向'), '计划采用的组建方式（七种之一）');
  await expectTip(page, formTip(page, '规模类别'), 'D 类80人以上，或50–79人且年营业收入500万元以上');

  // The detail of a saved enterprise: the same definitions beside its labels.
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.getByTestId('enterprise-form')).toBeHidden();
  await page.getByTestId('enterprise-row').first().click();
  const detail = page.getByTestId('enterprise-detail');
  await expectTip(page, detail.getByTestId('help-tip-orgSetting'), '属于联合党组织为“联合建立”');
  await expectTip(page, detail.getByTestId('help-tip-superiorOrg'), '本企业党组织的上级党组织');
  await expectTip(page, detail.getByTestId('help-tip-formationDirection'), '计划采用的组建方式（七种之一）');
});

test('each indicator says how it is computed (cards, breakdown, snapshot comparison), with this ledger’s 党的工作覆盖 rule as it is set', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  const card = page.locator('[data-testid="indicator-card"][data-key="work-coverage"]');
  const method = card.getByTestId('indicator-method');
  await expect(method).toContainText('分母为“单位类型为企业、个体工商户，未建党组织”的企业');
  await expect(method).toContainText('党的工作覆盖：已选派党建工作指导员，且统计截止日期前12个月内有工作记录');
  // An indicator that does not use the rule does not state it.
  await expect(
    page.locator('[data-testid="indicator-card"][data-key="formation-rate"]').getByTestId('indicator-method'),
  ).not.toContainText('党的工作覆盖');

  // The rule changed in 统计设置: the card follows.
  await page.getByTestId('open-indicators').click();
  await page.getByTestId('stats-party-work-months').fill('6');
  await page.getByTestId('stats-needs-instructor').uncheck();
  await page.getByTestId('stats-settings-save').click();
  await page.keyboard.press('Escape');
  await expect(method).toContainText('党的工作覆盖：统计截止日期前6个月内有工作记录');
  await expect(method).not.toContainText('指导员');

  // The breakdown table shows rates without a card beside them: its icon gives the same.
  // The dashboard re-reads after the settings change and redraws the panel, closing a list opened meanwhile: a
  // clerk would open it again, and so does this.
  const breakdown = page.getByTestId('breakdown-indicator');
  await expect(async () => {
    await chooseInSelect(page, breakdown, '党的工作覆盖率');
    await expect(breakdown).toContainText('党的工作覆盖率', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectTip(page, page.getByTestId('breakdown-method'), '党的工作覆盖：统计截止日期前6个月内有工作记录');

  // A snapshot compared with the ledger now: each indicator's row gives its 计算方法 too.
  await page.getByTestId('take-snapshot').click();
  await page.getByTestId('snapshot-take-ok').click();
  await expect(page.getByTestId('snapshot-form')).toBeHidden();
  await page.getByTestId('compare-run').click();
  const compared = page.locator('[data-testid="compare-indicator"][data-key="work-coverage"]');
  await expectTip(
    page,
    compared.getByTestId('compare-method'),
    '计算方法：分母为“单位类型为企业、个体工商户，未建党组织”的企业，分子为其中“实现党的工作覆盖”的企业。',
  );
});

test('the county view: 帮助 for 全县汇总, cards and the per-township table say how each indicator is computed', async ({
  page,
  shell,
  dataDir,
}) => {
  test.setTimeout(120_000);
  const dir = join(dataDir, 'townships');
  const files = [
    makeTownship(dir, '长乐镇', { seed: 5, enterprises: 30 }),
    makeTownship(dir, '甘霖镇', { seed: 6, enterprises: 20 }),
  ];
  await page.goto(shell.url);
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await page.getByTestId('county-entry').click();
  for (const file of files) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加乡镇台账…' }).click();
    await (await chooser).setFiles(file);
  }
  await expect(page.getByTestId('county-file')).toHaveCount(2);
  await page.getByTestId('county-start').click();
  await expect(page.getByTestId('county-screen')).toBeVisible();

  await page.getByTestId('help-button').click();
  await expect(helpDrawer(page)).toContainText('帮助：全县汇总');
  await expect(helpDrawer(page)).toContainText('比例由合计重新计算');
  await closeHelp(page);

  const card = page.locator('[data-testid="indicator-card"][data-key="work-coverage"]');
  await expect(card.getByTestId('indicator-method')).toContainText('分子为其中“实现党的工作覆盖”的企业');
  await expect(card.getByTestId('indicator-method')).toContainText('党的工作覆盖按各乡镇台账自己的认定规则');

  await page.getByRole('tab', { name: '分乡镇指标' }).click();
  await expectTip(
    page,
    page.getByTestId('method-tip-org-coverage-80plus'),
    '计算方法：分母为“单位类型为企业、个体工商户，从业人员80人以上”的企业，分子为其中“已建党组织”的企业。',
  );
});

import type { Locator, Page } from '@playwright/test';
import { idCheckChar } from '../../shared/domain/idNumber';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';
import { FIELD_ERROR } from './pageHelpers';

const AREA = '东门村';
const ENTERPRISES = ['长乐精工机械有限公司', '长乐恒达纺织有限公司', '长乐绿源食品有限公司'];
const ORG = '中共长乐镇东门联合支部委员会';
const MEMBERS = ['张建华', '李秀英', '王志强'];
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** A valid 身份证号 (right check character) for the birth date given, as YYYYMMDD. */
function idNumber(birth: string, sequence: string): string {
  const first17 = `330683${birth}${sequence}`;
  return first17 + idCheckChar(first17);
}

/** The same number with a wrong check character. */
function wrongCheck(id: string): string {
  const right = id.slice(-1);
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

/** As a clerk does it from the keyboard: focus the select, type to narrow the options, Enter takes the first. */
/** The 保存 button of the dialog holding `form` (antd spaces two-character labels: 保 存). */
function saveButtonOf(page: Page, form: Locator): Locator {
  return page
    .getByRole('dialog')
    .filter({ has: form })
    .getByRole('button', { name: /保\s*存/ });
}

function errorOf(form: Locator, id: string): Locator {
  return form
    .locator('.ant-form-item')
    .filter({ has: form.page().locator(`#${id}`) })
    .locator(FIELD_ERROR);
}

async function addEnterprise(page: Page, name: string) {
  await page.getByTestId('add-enterprise').click();
  const form = page.getByTestId('enterprise-form');
  await form.locator('#enterprise_name').fill(name);
  await chooseInSelect(page, form.locator('#enterprise_areaId'), AREA);
  await page.getByTestId('enterprise-save').click();
  await expect(form).toBeHidden();
}

async function addMember(page: Page, roster: Locator, name: string, id?: string) {
  await roster.getByTestId('roster-add').click();
  const form = page.getByTestId('member-form');
  await form.locator('#member_name').fill(name);
  if (id) await form.locator('#member_idNumber').fill(id);
  await page.getByTestId('member-save').click();
  await expect(form).toBeHidden();
  await expect(roster.getByTestId('roster-row').filter({ hasText: name })).toBeVisible();
}

test('a 联合党支部 over three enterprises makes them 联合建立; a roster reaching 3 正式党员 raises the split-out reminder; 身份证号 is checked and masked', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  const create = page.getByTestId('create-ledger-form');
  await create.getByLabel('乡镇名称').fill('长乐镇');
  await create.getByRole('button', { name: '新建台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');

  // An area for the enterprises, then the three enterprises: none has an organisation yet.
  await page.getByRole('tab', { name: '台账设置' }).click();
  await page.getByRole('tab', { name: '村、社区、园区' }).click();
  await page.getByRole('button', { name: '新增区域' }).click();
  const areaForm = page.getByTestId('settings-item-form');
  await areaForm.getByLabel('名称').fill(AREA);
  await saveButtonOf(page, areaForm).click();
  await expect(areaForm).toBeHidden();
  await page.getByRole('tab', { name: '企业台账' }).click();
  for (const name of ENTERPRISES) await addEnterprise(page, name);
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-total', '3');
  await expect(table.locator('[data-col="orgSetting"]').filter({ hasText: '未建立' })).toHaveCount(3);

  // The 联合党支部, covering the three, picked by typing part of each name.
  await page.getByRole('tab', { name: '党组织' }).click();
  await page.getByTestId('party-org-add').click();
  const orgForm = page.getByTestId('party-org-form');
  await orgForm.locator('#partyOrg_name').fill(ORG);
  await chooseInSelect(page, orgForm.locator('#partyOrg_type'), '联合党支部');
  for (const name of ENTERPRISES)
    await chooseInSelect(page, orgForm.locator('#partyOrg_enterpriseIds'), name.slice(2, 6));
  await expect(page.getByTestId('org-setting-hint')).toContainText('联合建立');
  await orgForm.locator('#partyOrg_termStartedOn').fill('2024-03-15');
  await orgForm.locator('#partyOrg_termStartedOn').press('Enter');
  await expect(page.getByTestId('org-term-end')).toContainText('届满 2027-03-15');
  await page.getByTestId('party-org-save').click();
  await expect(orgForm).toBeHidden();

  // Saving opens the organisation: its three enterprises, and the row in the list.
  const detail = page.getByTestId('party-org-detail');
  await expect(detail.locator('.ant-drawer-title')).toHaveText(ORG);
  await expect(detail.getByTestId('org-enterprise-row')).toHaveCount(3);
  const orgRow = page.getByTestId('party-org-row').filter({ hasText: ORG });
  await expect(orgRow.locator('[data-col="enterprises"]')).toHaveText('3');
  await detail.locator('.ant-drawer-close').click();
  await expect(detail).toBeHidden();

  // Each of the three now shows 联合建立 in the ledger list.
  await page.getByRole('tab', { name: '企业台账' }).click();
  await expect(table).toHaveAttribute('data-loading', 'false');
  for (const name of ENTERPRISES) {
    const row = table.getByTestId('enterprise-row').filter({ hasText: name });
    await expect(row.locator('[data-col="orgSetting"]')).toHaveText('联合建立');
  }

  // The first enterprise's roster: a wrong 身份证号 check character is refused beside the field.
  await table.getByTestId('enterprise-row').filter({ hasText: ENTERPRISES[0] }).click();
  const enterprise = page.getByTestId('enterprise-detail');
  await expect(enterprise.getByTestId('enterprise-detail-org-setting')).toHaveText('联合建立');
  await expect(enterprise.getByTestId('enterprise-org-link')).toHaveText(ORG);
  await enterprise.getByRole('tab', { name: /党员名册/ }).click();
  const roster = enterprise.getByTestId('enterprise-roster');
  await expect(roster).toHaveAttribute('data-roster-kept', 'false');

  const id = idNumber('19850612', '341');
  await roster.getByTestId('roster-add').click();
  const memberForm = page.getByTestId('member-form');
  await memberForm.locator('#member_name').fill(MEMBERS[0]!);
  await memberForm.locator('#member_idNumber').fill(wrongCheck(id));
  await memberForm.locator('#member_idNumber').blur();
  await expect(errorOf(memberForm, 'member_idNumber')).toContainText(
    `身份证号校验位不正确（按前17位应为${id.slice(-1)}），请核对是否输错`,
  );
  await page.getByTestId('member-save').click();
  await expect(memberForm).toBeVisible();

  // Corrected, it fills in the birth month and gender, and saves; the roster starts.
  await memberForm.locator('#member_idNumber').fill(id);
  await expect(memberForm.locator('#member_birthMonth')).toHaveValue('1985-06');
  await page.getByTestId('member-save').click();
  await expect(memberForm).toBeHidden();
  await expect(roster).toHaveAttribute('data-roster-kept', 'true');

  // The list and the member's own form show it masked; 显示 shows it whole, and that is recorded.
  const masked = `${id.slice(0, 4)}**********${id.slice(-4)}`;
  const first = roster.getByTestId('roster-row').filter({ hasText: MEMBERS[0]! });
  await expect(first.locator('[data-col="idNumber"]')).toHaveText(masked);
  await expect(roster).not.toContainText(id);
  await first.click();
  await expect(memberForm.locator('#member_idNumber')).toHaveValue(masked);
  await memberForm.getByTestId('member-id-number-reveal').click();
  await expect(memberForm.locator('#member_idNumber')).toHaveValue(id);
  // The member's own 变更记录: the entry that added them and the reveal, the 身份证号 never in it whole.
  const drawer = page.locator('.ant-drawer').filter({ has: memberForm });
  await drawer.getByRole('button', { name: '变更记录' }).click();
  const history = drawer.getByTestId('member-history');
  await expect(history.getByTestId('history-batch')).toHaveCount(2);
  await expect(history).toContainText('新增');
  await expect(history).toContainText('查看了完整身份证号');
  await expect(history).not.toContainText(id);
  await memberForm.locator('#member_name').press('Escape');
  await expect(memberForm).toBeHidden();

  // Two more 正式党员: three in all.
  await addMember(page, roster, MEMBERS[1]!);
  await addMember(page, roster, MEMBERS[2]!);
  await expect(roster.getByTestId('roster-counts')).toContainText('正式党员3名');
  await enterprise.locator('.ant-drawer-close').first().click();
  await expect(enterprise).toBeHidden();

  // The enterprise's counts now come from the roster: its form shows them but does not take them.
  await table.getByTestId('enterprise-row').filter({ hasText: ENTERPRISES[0] }).click();
  await enterprise.getByTestId('enterprise-edit').click();
  const enterpriseForm = page.getByTestId('enterprise-form');
  await expect(enterpriseForm.getByTestId('roster-count-hint')).toContainText('由党员名册统计');
  await expect(enterpriseForm.locator('#enterprise_fullMembers')).toBeDisabled();
  await expect(enterpriseForm.locator('#enterprise_fullMembers')).toHaveValue('3');
  await expect(enterpriseForm.locator('#enterprise_activists')).toBeEnabled();
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await expect(enterpriseForm).toBeHidden();
  await enterprise.locator('.ant-drawer-close').first().click();
  await expect(enterprise).toBeHidden();
  await expect(
    table.getByTestId('enterprise-row').filter({ hasText: ENTERPRISES[0] }).locator('[data-col="members"]'),
  ).toContainText('3');

  // 提醒 names the enterprise as due to be split out of the joint branch.
  await page.getByRole('tab', { name: /提醒/ }).click();
  const panel = page.getByTestId('reminders-panel');
  const splitOut = panel.locator('[data-testid="reminder"][data-kind="split-out"]');
  await expect(splitOut).toHaveCount(1);
  await expect(splitOut).toContainText(ENTERPRISES[0]!);
  await expect(splitOut).toContainText(ORG);

  // The township roster lists the three, masked there too.
  await page.getByRole('tab', { name: '党员名册' }).click();
  const members = page.getByTestId('member-table');
  await expect(members).toHaveAttribute('data-total', '3');
  await expect(
    members.getByTestId('member-row').filter({ hasText: MEMBERS[0]! }).locator('[data-col="idNumber"]'),
  ).toHaveText(masked);
});

test('in the sample: finds an organisation by pinyin initials from the keyboard, records a formation step with a scan (a file that is not one refused), and deletes it leaving its enterprises 未建立', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  // The ledger opens on 覆盖概览; its list is a tab away.
  await page.getByRole('tab', { name: '企业台账' }).click();
  await expect(page.getByTestId('enterprise-table')).toHaveAttribute('data-total', '600');
  await page.getByRole('tab', { name: '党组织' }).click();

  // The 长乐小商品市场 joint branches by their initials; ↓ reaches the first row, Enter opens it.
  const search = page.getByTestId('party-org-search');
  await search.fill('clxspsc');
  const list = page.getByTestId('party-org-table');
  await expect(list).toHaveAttribute('data-loading', 'false');
  const rows = list.getByTestId('party-org-row');
  await expect(rows.first()).toBeVisible();
  for (const n of await rows.locator('[data-col="name"]').allInnerTexts()) expect(n).toContain('长乐小商品市场');
  const name = (await rows.first().locator('[data-col="name"]').innerText()).trim();
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('party-org-detail');
  await expect(detail.locator('.ant-drawer-title')).toHaveText(name);
  const covered = detail.getByTestId('org-enterprise-row');
  await expect(covered.first()).toBeVisible();
  const coveredCount = await covered.count();
  const firstCovered = (await covered.first().getByTestId('org-enterprise-open').innerText()).trim();

  // 企业请示 with its 文号; then a scan: a text file named .pdf is refused, a PNG kept.
  const step = detail.locator('[data-testid="formation-step"][data-step="request"]');
  await step.getByTestId('formation-step-add').click();
  const stepForm = step.getByTestId('formation-step-form');
  await stepForm.getByLabel('文号').fill('长委〔2024〕12号');
  await stepForm.getByTestId('formation-step-save').click();
  await expect(step).toHaveAttribute('data-recorded', 'true');
  await expect(step.getByTestId('formation-step-docno')).toHaveText('长委〔2024〕12号');
  const upload = step.locator('input[type=file]');
  await upload.setInputFiles({ name: '请示.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF') });
  await expect(page.getByText('附件“请示.pdf”不是PDF、JPG或PNG文件')).toBeVisible();
  await upload.setInputFiles({ name: '请示.png', mimeType: 'image/png', buffer: PNG });
  const attachment = step.getByTestId('attachment');
  await expect(attachment).toHaveCount(1);
  await expect(attachment).toHaveAttribute('data-name', '请示.png');
  await attachment.getByTestId('attachment-view').click();
  await expect(page.locator('.ant-image-preview-img')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-image-preview-img')).toBeHidden();

  // Deleting asks what becomes of its enterprises; 改为未建立 leaves them without one.
  await page.getByTestId('party-org-delete').click();
  const dialog = page.getByTestId('party-org-delete-modal');
  await expect(dialog).toContainText(`它覆盖的${coveredCount}家企业将`);
  await page.getByTestId('party-org-delete-ok').click();
  await expect(dialog).toContainText('请选择所属企业的去向');
  await dialog.getByText('改为未建立').click();
  await page.getByTestId('party-org-delete-ok').click();
  await expect(detail).toBeHidden();
  await expect(list).toHaveAttribute('data-loading', 'false');
  await expect(rows.filter({ hasText: name })).toHaveCount(0);

  await page.getByRole('tab', { name: '企业台账' }).click();
  await page.getByTestId('enterprise-search').fill(firstCovered);
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  const row = table.getByTestId('enterprise-row').filter({ hasText: firstCovered }).first();
  await expect(row.locator('[data-col="orgSetting"]')).toHaveText('未建立');
});

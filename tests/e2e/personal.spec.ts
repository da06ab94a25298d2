import type { Locator, Page } from '@playwright/test';
import { checkIdNumber, idCheckChar, maskIdNumber } from '../../shared/domain/idNumber';
import { maskPhone } from '../../shared/domain/masking';
import { expect, test } from './fixtures';
import { FIELD_ERROR } from './pageHelpers';

/** A valid 身份证号 from another county than the sample's, so it cannot already belong to a sample member. */
const NEW_FIRST17 = '11010119900101987';
const NEW_ID = NEW_FIRST17 + idCheckChar(NEW_FIRST17);
/** The same number with a wrong check character. */
const WRONG_ID = NEW_FIRST17 + (NEW_ID.endsWith('0') ? '1' : '0');

function errorOf(form: Locator, id: string): Locator {
  return form
    .locator('.ant-form-item')
    .filter({ has: form.page().locator(`#${id}`) })
    .locator(FIELD_ERROR);
}

/** Opens the member of `row` in its form and waits until the record is in it. */
async function openMember(page: Page, row: Locator): Promise<Locator> {
  await row.locator('[data-col="name"]').click();
  const form = page.getByTestId('member-form');
  await expect(form.locator('#member_name')).not.toHaveValue('');
  return form;
}

/** Closes the member's form the way a clerk does (Esc); nothing was changed, so it closes without asking. */
async function closeMember(form: Locator): Promise<void> {
  await form.locator('#member_name').press('Escape');
  await expect(form).toBeHidden();
}

test('a member’s 身份证号 and phone stay masked until 显示, which is recorded; an untouched masked value is kept, 修改 replaces it, and a wrong number is refused', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByRole('tab', { name: /党员名册/ }).click();
  const table = page.getByTestId('member-table');
  await expect(table).toHaveAttribute('data-loading', 'false');

  // A sample member with a 身份证号 (most have one): the list shows it and the phone masked.
  const firstWithId = table
    .getByTestId('member-row')
    .filter({ has: page.locator('[data-col="idNumber"]', { hasText: '*' }) })
    .first();
  const memberId = await firstWithId.getAttribute('data-id');
  const row = table.locator(`[data-testid="member-row"][data-id="${memberId}"]`);
  const maskedId = (await row.locator('[data-col="idNumber"]').innerText()).trim();
  const maskedPhone = (await row.locator('[data-col="phone"]').innerText()).trim();
  expect(maskedId).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  expect(maskedPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);

  // Its form shows the same masked values, read-only, until 显示.
  let form = await openMember(page, row);
  const idBox = form.locator('#member_idNumber');
  await expect(idBox).toHaveValue(maskedId);
  await expect(idBox).toHaveJSProperty('readOnly', true);
  await expect(form.locator('#member_phone')).toHaveValue(maskedPhone);

  // 显示: the full number, in place and editable; it agrees with the mask and is a valid number.
  await form.getByTestId('member-id-number-reveal').click();
  await expect(idBox).not.toHaveValue(/\*/);
  await expect(idBox).toHaveJSProperty('readOnly', false);
  const fullId = await idBox.inputValue();
  expect(maskIdNumber(fullId)).toBe(maskedId);
  expect(checkIdNumber(fullId).ok).toBe(true);

  // The record's 变更记录 names the reveal (who and when), never the number itself.
  const drawer = page.locator('.ant-drawer').filter({ has: form });
  await drawer.getByRole('button', { name: '变更记录' }).click();
  const history = drawer.getByTestId('member-history');
  const reveals = history.getByTestId('history-batch').filter({ has: page.getByTestId('history-reveal') });
  await expect(reveals).toHaveCount(1);
  await expect(reveals).toContainText('查看了完整身份证号');
  await expect(history).not.toContainText(fullId);
  await closeMember(form);
  await expect(table).not.toContainText(fullId);

  // The reveal was for that view only: opened again, the number is masked. Another field is edited and saved
  // with the 身份证号 left masked.
  form = await openMember(page, row);
  await expect(form.locator('#member_idNumber')).toHaveValue(maskedId);
  await form.locator('#member_position').fill('质检组长');
  await page.getByTestId('member-save').click();
  await expect(form).toBeHidden();
  await expect(row).toContainText('质检组长');
  await expect(row.locator('[data-col="idNumber"]')).toHaveText(maskedId);

  // The stored number is unchanged (seen by revealing it again), and so is the phone.
  form = await openMember(page, row);
  await form.getByTestId('member-id-number-reveal').click();
  await expect(form.locator('#member_idNumber')).toHaveValue(fullId);
  await form.getByTestId('member-phone-reveal').click();
  const phoneBox = form.locator('#member_phone');
  await expect(phoneBox).not.toHaveValue(/\*/);
  const fullPhone = await phoneBox.inputValue();
  expect(fullPhone).toMatch(/^1\d{10}$/);
  expect(maskPhone(fullPhone)).toBe(maskedPhone);
  await drawer.getByRole('button', { name: '变更记录' }).click();
  await expect(reveals.filter({ hasText: '查看了完整身份证号' })).toHaveCount(2);
  await expect(reveals.filter({ hasText: '查看了完整电话' })).toHaveCount(1);
  await expect(history).toContainText('岗位/职务');
  await expect(history).not.toContainText(fullPhone);
  await closeMember(form);

  // 修改 empties the box without revealing; a wrong check character is refused beside the field.
  form = await openMember(page, row);
  await form.getByTestId('member-id-number-change').click();
  await expect(form.locator('#member_idNumber')).toHaveValue('');
  await expect(form.locator('#member_idNumber')).toBeFocused();
  await form.locator('#member_idNumber').fill(WRONG_ID);
  await form.locator('#member_idNumber').blur();
  await expect(errorOf(form, 'member_idNumber')).toContainText(
    `身份证号校验位不正确（按前17位应为${NEW_ID.slice(-1)}），请核对是否输错`,
  );
  await page.getByTestId('member-save').click();
  await expect(form).toBeVisible();
  await expect(errorOf(form, 'member_idNumber')).toContainText('身份证号校验位不正确');

  // A valid new number is read as typed (birth month and gender) and saved.
  await form.locator('#member_idNumber').fill(NEW_ID);
  await expect(form.getByTestId('member-id-hint')).toContainText('出生于1990-01');
  await page.getByTestId('member-save').click();
  await expect(form).toBeHidden();
  await expect(row.locator('[data-col="idNumber"]')).toHaveText(maskIdNumber(NEW_ID)!);

  form = await openMember(page, row);
  await expect(form.locator('#member_idNumber')).toHaveValue(maskIdNumber(NEW_ID)!);
  await form.getByTestId('member-id-number-reveal').click();
  await expect(form.locator('#member_idNumber')).toHaveValue(NEW_ID);
  await closeMember(form);
});

test('an enterprise’s 联系电话 on its page is masked until 显示, which its 变更记录 then names; the page shows it masked again when reopened', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await page.getByRole('tab', { name: '企业台账' }).click();
  const table = page.getByTestId('enterprise-table');
  await expect(table).toHaveAttribute('data-loading', 'false');
  const row = table.getByTestId('enterprise-row').first();

  await row.locator('[data-col="name"]').click();
  const detail = page.getByTestId('enterprise-detail');
  const phone = detail.getByTestId('enterprise-contact-phone');
  await expect(phone).toHaveText(/^1\d{2}\*{4}\d{4}$/);
  const masked = (await phone.innerText()).trim();

  await detail.getByTestId('enterprise-contact-phone-reveal').click();
  await expect(phone).toHaveText(/^1\d{10}$/);
  const full = (await phone.innerText()).trim();
  expect(maskPhone(full)).toBe(masked);
  await expect(detail.getByTestId('enterprise-contact-phone-reveal')).toHaveCount(0);

  await detail.getByRole('tab', { name: '变更记录' }).click();
  const history = detail.getByTestId('enterprise-history');
  await expect(history.getByTestId('history-batch').filter({ hasText: '查看了完整联系电话' })).toHaveCount(1);
  await expect(history).not.toContainText(full);

  // Closed and opened again: masked, as the reveal was for that view only.
  await detail.locator('.ant-drawer-close').first().click();
  await expect(detail).toBeHidden();
  await row.locator('[data-col="name"]').click();
  await detail.getByRole('tab', { name: '基本情况' }).click();
  await expect(phone).toHaveText(masked);
  await expect(detail.getByTestId('enterprise-contact-phone-reveal')).toBeVisible();

  // In the edit form too; there 显示 shows the stored number, which is no edit: Esc closes without asking.
  await detail.getByTestId('enterprise-edit').click();
  const form = page.getByTestId('enterprise-form');
  const box = form.getByTestId('enterprise-contact-phone');
  await expect(box).toHaveValue(masked);
  // The form has settled once its name box has the cursor (taking it scrolls the form back to the top).
  await expect(form.getByLabel('企业名称')).toBeFocused();
  // On a loaded machine the form's own scroll to the top can still move the button away under the click: a clerk
  // would click again, and so does this.
  await expect(async () => {
    await form.getByTestId('enterprise-contact-phone-reveal').click({ timeout: 5000 });
    await expect(box).toHaveValue(full, { timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await box.press('Escape');
  await expect(form).toBeHidden();
  await expect(page.getByText('放弃未保存的内容？')).toHaveCount(0);
});

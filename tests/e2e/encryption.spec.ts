import type { Page } from '@playwright/test';
import { pageTexts } from '../support/pdf';
import { expect, test } from './fixtures';

/** Issue 10 through the browser shell: 设置密码 with its recovery-key sheet, reopening, 锁定, 修改密码, 取消密码. */

const WARNING = '密码一旦遗忘将无法找回，台账也无法打开。请务必打印恢复密钥并与电脑分开妥善保管。';

async function openSecurity(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '台账设置' }).click();
  await page.getByRole('tab', { name: '密码与锁定' }).click();
  await expect(page.getByTestId('security-section')).toBeVisible();
}

/** Reads the key shown once, prints nothing, ticks the box, closes: returns the key as shown (8 groups). */
async function keepRecoveryKey(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog', { name: '请打印恢复密钥' });
  await expect(dialog).toBeVisible();
  const key = (await dialog.getByTestId('recovery-key').innerText()).trim();
  expect(key).toMatch(/^([0-9A-F]{8} ){7}[0-9A-F]{8}$/);
  return key;
}

async function closeKeyModal(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '请打印恢复密钥' });
  await expect(dialog.getByTestId('recovery-key-done')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await dialog.getByText('我已打印或抄下恢复密钥').click();
  await dialog.getByTestId('recovery-key-done').click();
  await expect(dialog).toHaveCount(0);
}

test('password, recovery sheet, reopening, lock and unlock, change and removal', async ({ page, shell }) => {
  test.setTimeout(180_000);
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
  await expect(page.getByTestId('lock-button')).toHaveCount(0);

  await openSecurity(page);
  await expect(page.getByTestId('encryption-state')).toHaveText('未加密');
  await expect(page.getByTestId('lock-needs-password')).toContainText('锁定需要台账密码');

  // 设置密码: the warning before confirming, the rules beside the field.
  await page.getByRole('button', { name: '设置密码' }).click();
  const setDialog = page.getByRole('dialog', { name: '设置密码' });
  await expect(setDialog.getByTestId('password-warning')).toHaveText(WARNING);
  await setDialog.getByTestId('password-new').fill('20261121');
  await setDialog.getByTestId('password-confirm').fill('20261121');
  await setDialog.getByTestId('password-change-ok').click();
  await expect(setDialog.getByText('新密码不能全是数字，请加入字母或符号')).toBeVisible();
  await setDialog.getByTestId('password-new').fill('chang-le-2026');
  await setDialog.getByTestId('password-confirm').fill('chang-le-2026');
  await setDialog.getByTestId('password-change-ok').click();

  const key = await keepRecoveryKey(page);
  // The printed sheet (print media): the key, the township, the file — and nothing of the app's screens.
  const text = pageTexts(await page.pdf({ format: 'A4' })).join('\n');
  expect(text).toContain('台账恢复密钥');
  expect(text).toContain('长乐镇');
  expect(text).toContain('.yqyc');
  for (const group of key.split(' ')) expect(text).toContain(group);
  for (const screenText of ['企业台账', '台账设置', '返回开始页', '我已打印或抄下恢复密钥', '非公企业党建台账'])
    expect(text).not.toContain(screenText);
  await closeKeyModal(page);
  await expect(page.getByTestId('encryption-state')).toHaveText('已加密（设有密码）');

  // Reopen from the recent list: asked for the password; a wrong one is said beside the field; the key opens it.
  await page.getByRole('button', { name: '返回开始页' }).click();
  await expect(page.getByTestId('start-screen')).toHaveAttribute('data-ready', 'true');
  await page
    .getByTestId('recent-list')
    .getByRole('button', { name: /打\s*开/ })
    .first()
    .click();
  const prompt = page.getByRole('dialog', { name: '请输入台账密码' });
  await expect(prompt).toContainText('也可以输入打印的恢复密钥');
  await expect(prompt.getByTestId('password-input')).toBeFocused();
  await prompt.getByTestId('password-input').fill('not-the-password');
  await page.keyboard.press('Enter');
  await expect(prompt.getByText('密码不正确')).toBeVisible();
  await prompt.getByTestId('password-input').fill(key);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');

  // 锁定 with a half-typed field: the lock screen covers it, and after unlocking the text is still there.
  await page.getByRole('tab', { name: '台账设置' }).click();
  const committee = page.getByTestId('township-settings-form').getByLabel('党委全称');
  await committee.fill('中共长乐镇委员会（未保存）');
  await page.getByTestId('lock-button').click();
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toContainText('台账已锁定');
  await expect(lock).toContainText('长乐镇');
  // Nothing behind the cover can be reached: every other part of the page (drawers' containers too) is inert.
  const behind = await lock.evaluate((cover) => {
    const others = Array.from(document.body.children).filter((el) => !el.contains(cover));
    return { others: others.length, inert: others.filter((el) => el instanceof HTMLElement && el.inert).length };
  });
  // The app's own root is among them: the cover sits beside the app, not inside it.
  expect(behind.others).toBeGreaterThan(0);
  expect(behind.inert).toBe(behind.others);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  await expect(committee).not.toBeFocused();
  await lock.getByTestId('unlock-password').fill('wrong-password');
  await lock.getByTestId('unlock-submit').click();
  await expect(lock.getByText('密码不正确')).toBeVisible();
  await lock.getByTestId('unlock-password').fill('chang-le-2026');
  await lock.getByTestId('unlock-submit').click();
  await expect(lock).toHaveCount(0);
  await expect(committee).toHaveValue('中共长乐镇委员会（未保存）');

  // 修改密码 with the old password: a new key, the same sheet.
  await page.getByRole('tab', { name: '密码与锁定' }).click();
  await page.getByRole('button', { name: '修改密码' }).click();
  const changeDialog = page.getByRole('dialog', { name: '修改密码' });
  await changeDialog.getByTestId('password-old').fill('chang-le-2026');
  await changeDialog.getByTestId('password-new').fill('xin-mi-ma-2027');
  await changeDialog.getByTestId('password-confirm').fill('xin-mi-ma-2027');
  await changeDialog.getByTestId('password-change-ok').click();
  const newKey = await keepRecoveryKey(page);
  expect(newKey).not.toBe(key);
  await closeKeyModal(page);

  // 取消密码: a wrong current password is refused beside the field; the right one leaves the ledger plain.
  await page.getByRole('button', { name: '取消密码' }).click();
  const removeDialog = page.getByRole('dialog', { name: '取消密码' });
  await expect(removeDialog).toContainText('台账文件不再受保护');
  await removeDialog.getByTestId('password-old').fill('chang-le-2026');
  await removeDialog.getByTestId('password-change-ok').click();
  await expect(removeDialog.getByText('当前密码不正确')).toBeVisible();
  await removeDialog.getByTestId('password-old').fill('xin-mi-ma-2027');
  await removeDialog.getByTestId('password-change-ok').click();
  await expect(removeDialog).toHaveCount(0);
  await expect(page.getByTestId('encryption-state')).toHaveText('未加密');
  await expect(page.getByTestId('lock-button')).toHaveCount(0);
});

test('the idle time: refused beyond 240 minutes, and after it passes without input the ledger locks', async ({
  page,
  shell,
}) => {
  test.setTimeout(120_000);
  // Playwright's clock: the page's timers run as usual and jump ahead on fastForward — no waiting for real minutes.
  await page.clock.install();
  await page.goto(shell.url);
  await page.getByRole('button', { name: '打开示例台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
  await openSecurity(page);
  await page.getByRole('button', { name: '设置密码' }).click();
  const setDialog = page.getByRole('dialog', { name: '设置密码' });
  await setDialog.getByTestId('password-new').fill('chang-le-2026');
  await setDialog.getByTestId('password-confirm').fill('chang-le-2026');
  await setDialog.getByTestId('password-change-ok').click();
  await keepRecoveryKey(page);
  await closeKeyModal(page);

  const minutes = page.getByTestId('idle-minutes');
  await expect(minutes).toHaveValue('15');
  await minutes.fill('241');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('请填写 0～240 之间的整数分钟')).toBeVisible();
  await minutes.fill('1');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存：1 分钟无操作后自动锁定')).toBeVisible();

  await minutes.press('End');
  await page.clock.fastForward('00:50');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await page.clock.fastForward('00:15');
  await expect(page.getByTestId('lock-screen')).toContainText('台账已锁定');
});

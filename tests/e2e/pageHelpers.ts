import { expect, type Locator, type Page } from '@playwright/test';

/** The 提醒 notice shown on opening a ledger sits over the toolbars and drawers' buttons; the clerk closes it. */
export async function closeReminderNotice(page: Page): Promise<void> {
  const notice = page.locator('.ant-notification-notice');
  if (await notice.isVisible()) await notice.locator('.ant-notification-notice-close').click();
  await expect(notice).toHaveCount(0);
}

/** A figure on the screen (a count, a numerator) as a number; anything but digits fails. */
export async function numberOf(locator: Locator): Promise<number> {
  const text = (await locator.innerText()).trim();
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

/**
 * The message under a form field. An earlier message fading out (antd's leave motion) stays in the page a moment
 * beside the new one: it is left out, or a locator would match both.
 */
export const FIELD_ERROR = '.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)';

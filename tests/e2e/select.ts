import type { Locator, Page } from '@playwright/test';

/**
 * Picks `option` in an antd Select the way a clerk does: types it, then clicks the matching entry once the list
 * shows it. Clicking (rather than pressing Enter) holds while a remote search is still refreshing the list under
 * load, and the list of a previous select may still be fading out, so only the open one counts.
 */
export async function chooseInSelect(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.keyboard.type(option);
  await page
    .locator('.ant-select-dropdown:visible:not([class*="-leave"]) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseInSelect } from './select';
import { FIELD_ERROR } from './pageHelpers';

const AREA = '东门村';
const FIRST = '长乐精密铸造有限公司';
const SECOND = '长乐新材料科技有限公司';
const INSTRUCTOR = '王建国';

/** YYYY-MM-DD of today moved by `days`, in local time as the core reckons "today". */
function dayFrom(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** As a clerk does it from the keyboard: focus the select, type to narrow the options, Enter takes the first. */
/** Types a date into a date box and confirms it. */
async function typeDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The 保存 button of the dialog holding `form` (antd spaces two-character labels: 保 存). */
function saveButtonOf(page: Page, form: Locator): Locator {
  return page
    .getByRole('dialog')
    .filter({ has: form })
    .getByRole('button', { name: /保\s*存/ });
}

async function addEnterprise(page: Page, name: string) {
  await page.getByTestId('add-enterprise').click();
  const form = page.getByTestId('enterprise-form');
  await form.locator('#enterprise_name').fill(name);
  await chooseInSelect(page, form.locator('#enterprise_areaId'), AREA);
  await page.getByTestId('enterprise-save').click();
  await expect(form).toBeHidden();
}

test('assigns an instructor to two enterprises from the instructor page, logs a visit, sees both and the visit there; a follow-up due within 7 days shows in 提醒', async ({
  page,
  shell,
}) => {
  await page.goto(shell.url);
  const create = page.getByTestId('create-ledger-form');
  await create.getByLabel('乡镇名称').fill('长乐镇');
  await create.getByRole('button', { name: '新建台账' }).click();
  await expect(page.getByTestId('ledger-title')).toHaveText('中共长乐镇委员会');
  // A fresh ledger has nothing to remind of.
  await expect(page.getByTestId('reminder-badge').locator('.ant-badge-count')).toHaveCount(0);

  // An area for the enterprises, then the two enterprises.
  await page.getByRole('tab', { name: '台账设置' }).click();
  await page.getByRole('tab', { name: '村、社区、园区' }).click();
  await page.getByRole('button', { name: '新增区域' }).click();
  const areaForm = page.getByTestId('settings-item-form');
  await areaForm.getByLabel('名称').fill(AREA);
  await saveButtonOf(page, areaForm).click();
  await expect(areaForm).toBeHidden();
  await page.getByRole('tab', { name: '企业台账' }).click();
  await addEnterprise(page, FIRST);
  await addEnterprise(page, SECOND);

  // A new instructor; saving opens their page.
  await page.getByRole('tab', { name: '指导员' }).click();
  await page.getByTestId('instructor-add').click();
  const instructorForm = page.getByTestId('instructor-form');
  await instructorForm.getByLabel('姓名').fill(INSTRUCTOR);
  await instructorForm.getByLabel('单位职务').fill('镇组织办副主任');
  await saveButtonOf(page, instructorForm).click();
  const detail = page.getByTestId('instructor-detail');
  await expect(detail.locator('.ant-drawer-title')).toContainText(INSTRUCTOR);
  await expect(detail.getByTestId('instructor-mode')).toHaveText('未派驻');

  // Sent to both enterprises from the instructor's page, from today (the date the dialog starts with).
  for (const name of [FIRST, SECOND]) {
    await detail.getByTestId('assign-enterprise').click();
    const form = page.getByTestId('assignment-form');
    await chooseInSelect(page, form.getByTestId('assignment-enterprise'), name);
    await saveButtonOf(page, form).click();
    await expect(form).toBeHidden();
    await expect(detail.getByTestId('assignment-row').filter({ hasText: name })).toBeVisible();
  }
  await expect(detail.getByTestId('instructor-mode')).toHaveText('一人多企');

  // An end date before the start is refused beside 结束日期, and nothing changes.
  const second = detail.getByTestId('assignment-row').filter({ hasText: SECOND });
  await second.getByTestId('assignment-end').click();
  const endForm = page.getByTestId('assignment-form');
  await typeDate(endForm.locator('#endedOn'), dayFrom(-30));
  await saveButtonOf(page, endForm).click();
  await expect(endForm.locator(FIELD_ERROR)).toHaveText('结束日期不能早于派驻日期');
  await page
    .getByRole('dialog')
    .filter({ has: endForm })
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await expect(endForm).toBeHidden();
  await expect(second.locator('[data-col="endedOn"]')).toHaveText('在任');

  // A visit at the first enterprise, logged from the instructor's page and saved with Ctrl+S.
  const visitOn = dayFrom(-2);
  await detail.getByTestId('instructor-log-visit').click();
  const logForm = page.getByTestId('work-log-form');
  await chooseInSelect(page, logForm.getByTestId('work-log-enterprise'), FIRST);
  await typeDate(logForm.locator('#workLog_heldOn'), visitOn);
  await logForm.locator('#workLog_participants').fill(`${INSTRUCTOR}、企业负责人`);
  await logForm.locator('#workLog_problems').fill('党员活动场所不足');
  await page.keyboard.press('Control+s');
  await expect(logForm).toBeHidden();

  // Closed and found again in the list by the initials of 王建国: both enterprises, the visit as 最近走访.
  await detail.locator('.ant-drawer-close').click();
  await expect(detail).toBeHidden();
  await page.getByTestId('instructor-search').fill('wjg');
  await expect(page.getByTestId('instructor-table').getByTestId('instructor-row')).toHaveCount(1);
  const row = page.getByTestId('instructor-table').getByTestId('instructor-row').filter({ hasText: INSTRUCTOR });
  await expect(row.locator('[data-col="enterprises"]')).toHaveText('2');
  await expect(row).toContainText('一人多企');
  await row.getByTestId('instructor-open').click();
  await expect(detail.getByTestId('assignment-row')).toHaveCount(2);
  const first = detail.getByTestId('assignment-row').filter({ hasText: FIRST });
  await expect(first.locator('[data-col="lastVisitOn"]')).toHaveText(visitOn);
  await expect(first.locator('[data-col="visits"]')).toHaveText('1');
  await expect(second.locator('[data-col="lastVisitOn"]')).toHaveText('未走访');
  await detail.locator('.ant-drawer-close').click();

  // A work log at the second enterprise with a follow-up due in three days.
  const dueOn = dayFrom(3);
  await page.getByRole('tab', { name: '工作记录' }).click();
  await page.getByTestId('work-log-add').click();
  await chooseInSelect(page, logForm.getByTestId('work-log-enterprise'), SECOND);
  await chooseInSelect(page, logForm.locator('#workLog_kind'), '帮扶解难');
  await logForm.locator('#workLog_problems').fill('招工困难，希望协调技工培训');
  await typeDate(logForm.locator('#workLog_followUpOn'), dueOn);
  await page.getByTestId('work-log-save').click();
  await expect(logForm).toBeHidden();
  const logs = page.getByTestId('work-log-table');
  await expect(logs).toHaveAttribute('data-total', '2');
  await expect(logs.getByTestId('work-log-row').first()).toContainText(SECOND);

  // The follow-up is a reminder: counted on the tab at once.
  await expect(page.getByTestId('reminder-badge').locator('.ant-badge-count')).toHaveAttribute('title', '1');

  // Opening the ledger again announces it; 查看 leads to the 提醒 tab, listed under 工作跟进, opening the log.
  await page.getByRole('button', { name: '返回开始页' }).click();
  await page.getByTestId('recent-list').getByRole('button', { name: '打开' }).first().click();
  const notice = page.locator('.ant-notification-notice').filter({ hasText: '有1条提醒：工作跟进1条' });
  await expect(notice).toBeVisible();
  await notice.getByTestId('reminder-notice-show').click();
  const panel = page.getByTestId('reminders-panel');
  await expect(panel).toBeVisible();
  const reminder = panel.locator('[data-testid="reminder"][data-kind="follow-up"]');
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText(SECOND);
  await expect(reminder).toContainText(`将于${dueOn}到期`);
  await expect(reminder.getByTestId('reminder-due')).toHaveText(`3天后到期 · ${dueOn}`);
  await reminder.getByTestId('reminder-open').click();
  const logDetail = page.getByTestId('work-log-detail');
  await expect(logDetail.locator('.ant-drawer-title')).toContainText(SECOND);
  await expect(logDetail).toContainText('招工困难');
});
